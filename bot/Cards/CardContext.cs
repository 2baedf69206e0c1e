namespace SalesCoach.Bot.Cards;

/// <summary>
/// Who is looking and where: the channel's capabilities, the viewer's UTC offset for showing
/// times (UTC unless known), the current time (for "today", "overdue" and my day) and display
/// names for rep ids (an id without a name is shown as is).
/// </summary>
public sealed record CardContext
{
    /// <summary>Teams, times in UTC.</summary>
    public static CardContext Teams { get; } = new() { Capabilities = ChannelCapabilities.Teams };

    /// <summary>The local chat channel, times in UTC.</summary>
    public static CardContext WebChat { get; } = new() { Capabilities = ChannelCapabilities.WebChat };

    public ChannelCapabilities Capabilities { get; init; } = ChannelCapabilities.Teams;

    /// <summary>The viewer's offset from UTC; times on cards are shown in it.</summary>
    public TimeSpan UtcOffset { get; init; }

    /// <summary>Now, when known: times read "today 17:00", overdue tasks are marked, my day keeps to what is due today.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Display names by rep id, e.g. for "Done by Ana".</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>The context for an activity's channel.</summary>
    public static CardContext ForChannel(string? channelId, TimeSpan utcOffset = default, DateTimeOffset? now = null) =>
        new() { Capabilities = ChannelCapabilities.ForChannel(channelId), UtcOffset = utcOffset, Now = now };

    /// <summary>The display name of a rep id, or the id.</summary>
    public string NameOf(string repId) =>
        Names.TryGetValue(repId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : repId;

    /// <summary>A UTC time in the viewer's offset.</summary>
    public DateTimeOffset Local(DateTimeOffset time) => time.ToOffset(UtcOffset);
}
