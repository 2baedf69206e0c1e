using System.Net.Http.Json;
using SalesCoach.Common;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Notifications;

/// <summary>
/// A generic notifier: POSTs each notification as JSON (the API's conventions) to <c>Notifications:Webhook:Url</c>.
/// A failure or a non-2xx answer throws, so the rep's outbox retries later; the receiver deduplicates by <c>id</c>.
/// </summary>
public sealed partial class WebhookNotifier(IHttpClientFactory clients, Uri url, ILogger<WebhookNotifier> logger) : INotifier
{
    /// <summary>The name of the <see cref="HttpClient"/> it sends with.</summary>
    public const string HttpClientName = "webhook-notifier";

    public async Task SendAsync(Notification notification, ConversationReference? conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var client = clients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(url, notification, SalesCoachJson.Options, cancellationToken);
        response.EnsureSuccessStatusCode();
        LogSent(notification.Id, notification.RepId, (int)response.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification {NotificationId} to {RepId} posted to the webhook: {Status}")]
    private partial void LogSent(string notificationId, string repId, int status);
}
