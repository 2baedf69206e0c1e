using SalesCoach.Leads;

namespace SalesCoach.Analytics;

/// <summary>
/// One fact for the analytics. The dimensions (owner, team, product, territory, source) travel on
/// the batch; an event carries what is particular to it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LeadEvent
{
    [Id(0)] public LeadEventKind Kind { get; init; }
    [Id(1)] public DateTimeOffset At { get; init; }
    /// <summary>The stage entered or exited, or the stage of the task / activity / close.</summary>
    [Id(2)] public string? StageId { get; init; }
    /// <summary>For <see cref="LeadEventKind.StageExited"/>: how the stage was left.</summary>
    [Id(3)] public StageExit? Exit { get; init; }
    /// <summary>For a stage exit: the lead moved on (goal, won, or a manual move to a later stage).</summary>
    [Id(4)] public bool Forward { get; init; }
    /// <summary>For a stage exit: days spent in the stage.</summary>
    [Id(5)] public double Days { get; init; }
    /// <summary>For a task done: done by its due time. For a task skipped: it was already overdue.</summary>
    [Id(6)] public bool OnTime { get; init; }
    /// <summary>For won: the amount.</summary>
    [Id(7)] public decimal? Amount { get; init; }
    /// <summary>For won/lost: days from creation to close.</summary>
    [Id(8)] public double? CycleDays { get; init; }
    /// <summary>For won/lost: days from first entering the <c>ask</c> stage to the decision, when it was entered.</summary>
    [Id(9)] public double? AskDays { get; init; }
    /// <summary>For won/lost: every stage the lead was ever in (each once), for the historical stage-to-win rate.</summary>
    [Id(10)] public IReadOnlyList<string>? PassedStages { get; init; }
}
