using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Connector;

/// <summary>
/// Sends through the Bot Connector (Teams and every channel behind Azure Bot Service), keeping
/// Teams' send limits (<see cref="SendLimits"/>).
/// </summary>
public sealed class ConnectorSender(ConnectorClient connector, SendLimits limits) : IActivitySender
{
    public bool Serves(string? channelId, string? serviceUrl) =>
        serviceUrl is not null && (serviceUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || serviceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("the activity has no conversation", nameof(activity));
        using var lease = await limits.AcquireAsync(activity, cancellationToken);
        return activity.ReplyToId is { } replyTo
            ? await connector.ReplyToActivityAsync(activity.ServiceUrl!, conversationId, replyTo, activity, cancellationToken)
            : await connector.SendToConversationAsync(activity.ServiceUrl!, conversationId, activity, cancellationToken);
    }

    public async Task UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("the activity has no conversation", nameof(activity));
        using var lease = await limits.AcquireAsync(activity, cancellationToken);
        await connector.UpdateActivityAsync(activity.ServiceUrl!, conversationId, activity.Id!, activity, cancellationToken);
    }
}
