namespace SalesCoach.Leads;

/// <summary>One task instance on a lead.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskView
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string StageId { get; init; } = "";
    [Id(2)] public string Title { get; init; } = "";
    [Id(3)] public string? Description { get; init; }
    [Id(4)] public LeadTaskStatus Status { get; init; }
    [Id(5)] public DateTimeOffset DueAt { get; init; }
    /// <summary>A rep id, or <c>team:&lt;id&gt;</c> for a team task.</summary>
    [Id(6)] public string AssigneeId { get; init; } = "";
    [Id(7)] public string? DoneBy { get; init; }
    [Id(8)] public DateTimeOffset? DoneAt { get; init; }
}
