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

    /// <summary>The pipeline a funnel or coaching card shows (a pipeline id; empty: the viewer's default).</summary>
    public const string Pipeline = "pipeline";

    /// <summary>The rep the coaching card shows (a rep id chosen by the viewer; who acts is still the activity's sender).</summary>
    public const string CoachingRep = "coachingRep";

    /// <summary>The coaching card's period: one of <see cref="FunnelPeriods"/>.</summary>
    public const string CoachingPeriod = "coachingPeriod";
}
