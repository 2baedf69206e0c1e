using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Routing;

/// <summary>Sends and updates activities in a conversation (the Connector REST API, or the local chat channel).</summary>
public interface IActivitySender
{
    /// <summary>Whether this sender serves the activity's channel and service URL.</summary>
    bool Serves(string? channelId, string? serviceUrl);

    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);

    Task UpdateAsync(Activity activity, CancellationToken cancellationToken);
}
