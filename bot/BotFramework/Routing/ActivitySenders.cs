using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Routing;

/// <summary>Picks the sender for an activity's channel: the first registered one that serves it.</summary>
public sealed class ActivitySenders(IEnumerable<IActivitySender> senders) : IActivitySender
{
    private readonly IActivitySender[] all = [.. senders.Where(s => s is not ActivitySenders)];

    public bool Serves(string? channelId, string? serviceUrl) => all.Any(s => s.Serves(channelId, serviceUrl));

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken) =>
        For(activity).SendAsync(activity, cancellationToken);

    public Task UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        For(activity).UpdateAsync(activity, cancellationToken);

    private IActivitySender For(Activity activity) =>
        all.FirstOrDefault(s => s.Serves(activity.ChannelId, activity.ServiceUrl))
        ?? throw new InvalidOperationException($"no sender serves channel '{activity.ChannelId}' at '{activity.ServiceUrl}'");
}
