namespace SalesCoach.Bot.BotFramework.Connector;

/// <summary>Gives the bearer token for outbound Connector calls, or null when the bot has no credentials (local use).</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
