using System.Net.Http.Headers;
using System.Net.Http.Json;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API v3, as far as SalesCoach uses it: send to a conversation, reply,
/// update an activity in place, and create a 1:1 conversation for proactive messages.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens)
{
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);

    private async Task<ResourceResponse> SendAsync<T>(HttpMethod method, string serviceUrl, string path, T body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path))
        {
            Content = JsonContent.Create(body, options: BotJson.Options),
        };
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"Bot Connector {method} {path} answered {(int)response.StatusCode}: {detail}", null, response.StatusCode);
        }

        return response.Content.Headers.ContentLength == 0
            ? new ResourceResponse()
            : await response.Content.ReadFromJsonAsync<ResourceResponse>(BotJson.Options, cancellationToken) ?? new ResourceResponse();
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
