namespace SalesCoach.Bot.Cards;

/// <summary>
/// What the client on a channel can do with a card. Teams runs Universal Actions
/// (<c>Action.Execute</c> + <c>refresh</c>); Web Chat 4.18 on the local chat channel ignores
/// <c>Action.Execute</c>, so cards sent there use <c>Action.Submit</c> with the same data.
/// </summary>
public sealed record ChannelCapabilities(string ChannelId, bool UniversalActions)
{
    /// <summary>The Bot Framework channel id of Microsoft Teams.</summary>
    public const string TeamsChannelId = "msteams";

    /// <summary>Direct Line, the channel of the local <c>/chat</c> page.</summary>
    public const string DirectLineChannelId = "directline";

    /// <summary>Web Chat's own channel id.</summary>
    public const string WebChatChannelId = "webchat";

    /// <summary>Microsoft Teams.</summary>
    public static ChannelCapabilities Teams { get; } = new(TeamsChannelId, UniversalActions: true);

    /// <summary>Web Chat over Direct Line (the local chat channel).</summary>
    public static ChannelCapabilities WebChat { get; } = new(DirectLineChannelId, UniversalActions: false);

    /// <summary>
    /// The capabilities of an activity's channel. Only Teams gets Universal Actions; every other
    /// channel (<c>directline</c>, <c>webchat</c>, the Emulator, …) gets <c>Action.Submit</c>,
    /// which every Adaptive Card client runs.
    /// </summary>
    public static ChannelCapabilities ForChannel(string? channelId) =>
        string.Equals(channelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase)
            ? Teams
            : new(string.IsNullOrWhiteSpace(channelId) ? DirectLineChannelId : channelId.ToLowerInvariant(), UniversalActions: false);
}
