namespace SalesCoach.Reps;

/// <summary>
/// Where to reach a rep proactively: the chat the bot has with them (Teams, or the local chat
/// page), stored when the bot is installed or the rep first writes to it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ConversationReference
{
    /// <summary><c>msteams</c> for Teams, <c>directline</c> for the local chat page.</summary>
    [Id(0)] public string ChannelId { get; init; } = "";
    [Id(1)] public string ServiceUrl { get; init; } = "";
    [Id(2)] public string ConversationId { get; init; } = "";
    /// <summary>The bot's account in the conversation.</summary>
    [Id(3)] public string BotId { get; init; } = "";
    [Id(4)] public string? BotName { get; init; }
    /// <summary>The rep's channel account id (e.g. <c>29:...</c> in Teams).</summary>
    [Id(5)] public string UserId { get; init; } = "";
    [Id(6)] public string? UserName { get; init; }
    [Id(7)] public string? TenantId { get; init; }
}
