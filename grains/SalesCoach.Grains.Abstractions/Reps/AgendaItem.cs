namespace SalesCoach.Reps;

/// <summary>An open task on a rep's agenda.</summary>
[GenerateSerializer, Immutable]
public sealed record AgendaItem
{
    [Id(0)] public string LeadId { get; init; } = "";
    [Id(1)] public string LeadName { get; init; } = "";
    [Id(2)] public string TaskId { get; init; } = "";
    [Id(3)] public string Title { get; init; } = "";
    [Id(4)] public string StageId { get; init; } = "";
    [Id(5)] public DateTimeOffset DueAt { get; init; }

    /// <summary>The key of the task across all leads.</summary>
    public string Key => $"{LeadId}/{TaskId}";
}
