namespace SalesCoach.Bot.Cards;

/// <summary>Input ids; the client sends each input's value in the action data under its id.</summary>
public static class CardInputs
{
    /// <summary>The snooze choice: one of <see cref="SnoozeChoices"/>.</summary>
    public const string Snooze = "snooze";

    /// <summary>A snooze date, <c>yyyy-MM-dd</c>, used with <see cref="SnoozeChoices.OnDate"/>.</summary>
    public const string SnoozeDate = "snoozeDate";

    /// <summary>A snooze time, <c>HH:mm</c>, with <see cref="SnoozeDate"/>.</summary>
    public const string SnoozeTime = "snoozeTime";

    /// <summary>The rep kudos go to (a rep id chosen by the sender; the sender is the activity's sender).</summary>
    public const string KudosTo = "kudosTo";

    /// <summary>The kudos message.</summary>
    public const string KudosText = "kudosText";

    /// <summary>The funnel's team filter (a team id, or empty for all the viewer may see).</summary>
    public const string FunnelTeam = "funnelTeam";

    /// <summary>The funnel's rep filter (a rep id, or empty).</summary>
    public const string FunnelRep = "funnelRep";

    /// <summary>The funnel's period: one of <see cref="FunnelPeriods"/>.</summary>
    public const string FunnelPeriod = "funnelPeriod";
}
