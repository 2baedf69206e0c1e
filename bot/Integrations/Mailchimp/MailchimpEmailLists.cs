using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SalesCoach.Lists;

namespace SalesCoach.Bot.Integrations.Mailchimp;

/// <summary>
/// <see cref="IEmailLists"/> on the Mailchimp Marketing API v3: a member upsert
/// (<c>PUT /3.0/lists/{list}/members/{md5(lower(email))}</c>) then the stage's tag
/// (<c>POST .../tags</c>). 429 and 5xx (and network failures) mean "retry", other 4xx "rejected".
/// Without an API key nothing is sent, and that is logged once.
/// </summary>
public sealed partial class MailchimpEmailLists(
    IHttpClientFactory clients,
    IOptions<MailchimpOptions> options,
    ILogger<MailchimpEmailLists> logger) : IEmailLists
{
    public const string HttpClientName = "mailchimp";

    private readonly MailchimpOptions settings = options.Value;
    private int notConfiguredLogged;

    public async Task<EmailListResult> ApplyAsync(EmailListOperation operation, CancellationToken cancellationToken)
    {
        if (!settings.IsConfigured || settings.Root() is not { } root)
        {
            if (Interlocked.Exchange(ref notConfiguredLogged, 1) == 0)
            {
                LogNotConfigured();
            }

            return EmailListResult.NotConfigured;
        }

        if (!settings.Lists.TryGetValue(operation.ListName, out var listId) || string.IsNullOrWhiteSpace(listId))
        {
            return EmailListResult.Rejected($"list '{operation.ListName}' has no Mailchimp list id (set Mailchimp:Lists:{operation.ListName})");
        }

        var member = new Uri(root, $"/3.0/lists/{Uri.EscapeDataString(listId)}/members/{SubscriberHash(operation.Email)}");
        var subscribed = operation.Action == EmailListAction.Subscribe ? "subscribed" : "unsubscribed";
        var mergeFields = new JsonObject { ["FNAME"] = operation.Name, ["STAGE"] = operation.StageName };
        if (!string.IsNullOrWhiteSpace(operation.Company))
        {
            mergeFields["COMPANY"] = operation.Company;
        }

        var upsert = new JsonObject
        {
            ["email_address"] = operation.Email,
            ["status_if_new"] = subscribed,
            ["status"] = subscribed,
            ["merge_fields"] = mergeFields,
        };
        var result = await SendAsync(HttpMethod.Put, member, upsert, cancellationToken);
        if (result.Outcome != EmailListOutcome.Applied || string.IsNullOrWhiteSpace(operation.Tag))
        {
            return result;
        }

        var tags = new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["name"] = operation.Tag, ["status"] = "active" }) };
        return await SendAsync(HttpMethod.Post, new Uri($"{member}/tags"), tags, cancellationToken);
    }

    /// <summary>Mailchimp's subscriber hash: the MD5 of the lower-cased address, in lower-case hex.</summary>
    public static string SubscriberHash(string email) =>
#pragma warning disable CA5351 // MD5 is what Mailchimp names members by, not a security measure
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
#pragma warning restore CA5351

    private async Task<EmailListResult> SendAsync(HttpMethod method, Uri uri, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"salescoach:{settings.ApiKey}")));
        var client = clients.CreateClient(HttpClientName);
        client.Timeout = settings.Timeout;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return EmailListResult.Retry($"{method} {uri.AbsolutePath}: {e.Message}");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return EmailListResult.Applied;
            }

            var detail = $"{(int)response.StatusCode} {await DetailAsync(response, cancellationToken)}";
            return response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                ? EmailListResult.Retry(detail, RetryAfter(response))
                : EmailListResult.Rejected(detail);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => response.Headers.TryGetValues("Retry-After", out var values)
                 && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null,
        };

    /// <summary>The <c>title: detail</c> of Mailchimp's problem document, or the raw body.</summary>
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonNode.Parse(text) is JsonObject problem)
            {
                return $"{problem["title"]}: {problem["detail"]}";
            }
        }
        catch (JsonException)
        {
        }

        return text.Length > 300 ? text[..300] : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailchimp is not configured (Mailchimp:ApiKey): email-list operations are recorded and not sent")]
    private partial void LogNotConfigured();
}
