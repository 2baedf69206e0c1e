namespace SalesCoach.Bot.Cards;

/// <summary>
/// The verbs of card actions: <c>Action.Execute.verb</c> in Teams, and always <c>data.verb</c>
/// (so an <c>Action.Submit</c> from Web Chat carries the same payload). One handler per verb.
/// </summary>
public static class CardVerbs
{
    /// <summary>Complete a task: <c>leadId</c>, <c>taskId</c>.</summary>
    public const string CompleteTask = "task.complete";

    /// <summary>Give a task a new due time: <c>leadId</c>, <c>taskId</c>, <c>utcOffset</c> + the snooze inputs.</summary>
    public const string SnoozeTask = "task.snooze";

    /// <summary>Show the lead card: <c>leadId</c>.</summary>
    public const string OpenLead = "lead.open";

    /// <summary>Move the lead on by hand: <c>leadId</c>, <c>stageId</c> = the stage the card showed.</summary>
    public const string AdvanceLead = "lead.advance";

    /// <summary>Confirm a stage's <c>manual</c> goal: <c>leadId</c>, <c>stageId</c> = the stage the card showed.</summary>
    public const string ConfirmStage = "lead.confirm";

    /// <summary>Send kudos: the <c>kudosTo</c> and <c>kudosText</c> inputs.</summary>
    public const string SendKudos = "kudos.send";

    /// <summary>Show the funnel again with the filter inputs (<c>funnelTeam</c>, <c>funnelRep</c>, <c>funnelPeriod</c>).</summary>
    public const string FilterFunnel = "funnel.filter";

    /// <summary>Show the coaching card again with its inputs (<c>coachingRep</c>, <c>coachingPeriod</c>, <c>pipeline</c>).</summary>
    public const string FilterCoaching = "coaching.filter";

    /// <summary>Teams' <c>refresh</c>: rebuild the card named in <c>card</c> for the viewer.</summary>
    public const string Refresh = "cards.refresh";

    /// <summary>Every verb, for route tables and tests.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CompleteTask, SnoozeTask, OpenLead, AdvanceLead, ConfirmStage, SendKudos, FilterFunnel, FilterCoaching, Refresh];
}
