using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Connector;

/// <summary>
/// Sends through the Bot Connector (Teams and every channel behind Azure Bot Service), keeping
/// Teams' per-conversation send limit with a token bucket per conversation.
/// </summary>
public sealed class ConnectorSender(ConnectorClient connector, IOptions<BotSettings> options) : IActivitySender, IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(conversation =>
        RateLimitPartition.GetTokenBucketLimiter(conversation, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.MessagesPerSecondPerConversation,
            TokensPerPeriod = options.Value.MessagesPerSecondPerConversation,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 1000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    public bool Serves(string? channelId, string? serviceUrl) =>
        serviceUrl is not null && (serviceUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || serviceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("the activity has no conversation", nameof(activity));
        using var lease = await limiter.AcquireAsync(conversationId, 1, cancellationToken);
        return activity.ReplyToId is { } replyTo
            ? await connector.ReplyToActivityAsync(activity.ServiceUrl!, conversationId, replyTo, activity, cancellationToken)
            : await connector.SendToConversationAsync(activity.ServiceUrl!, conversationId, activity, cancellationToken);
    }

    public async Task UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("the activity has no conversation", nameof(activity));
        using var lease = await limiter.AcquireAsync(conversationId, 1, cancellationToken);
        await connector.UpdateActivityAsync(activity.ServiceUrl!, conversationId, activity.Id!, activity, cancellationToken);
    }

    public void Dispose() => limiter.Dispose();
}
