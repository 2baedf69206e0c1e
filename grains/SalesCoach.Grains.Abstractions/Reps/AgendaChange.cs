namespace SalesCoach.Reps;

/// <summary>
/// What a lead tells a rep's agenda after a command: tasks added or re-dated, tasks no longer
/// open, and whether the rep owns the lead. Applying the same change twice changes nothing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AgendaChange
{
    [Id(0)] public string LeadId { get; init; } = "";
    [Id(1)] public IReadOnlyList<AgendaItem> Upserts { get; init; } = [];
    [Id(2)] public IReadOnlyList<string> ClosedTaskIds { get; init; } = [];
    /// <summary>True: the rep owns this open lead; false: no longer; null: unchanged.</summary>
    [Id(3)] public bool? Owns { get; init; }
    /// <summary>The lead's name, so the rep can find it by name (<c>lead acme</c> in chat).</summary>
    [Id(4)] public string? LeadName { get; init; }
    /// <summary>Which of <see cref="ClosedTaskIds"/> were done, by whom, on time or not.</summary>
    [Id(5)] public IReadOnlyList<TaskDoneMark> Done { get; init; } = [];
    /// <summary>The pipeline's on-time streak milestone; null for none.</summary>
    [Id(6)] public StreakRule? Streak { get; init; }
}
