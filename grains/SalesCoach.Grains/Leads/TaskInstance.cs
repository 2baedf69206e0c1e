namespace SalesCoach.Leads;

/// <summary>One task created when the lead entered a stage.</summary>
[GenerateSerializer]
public sealed class TaskInstance
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string StageId { get; set; } = "";
    [Id(2)] public string Title { get; set; } = "";
    [Id(3)] public string? Description { get; set; }
    [Id(4)] public LeadTaskStatus Status { get; set; }
    [Id(5)] public DateTimeOffset DueAt { get; set; }
    /// <summary>A rep id, or <c>team:&lt;id&gt;</c>.</summary>
    [Id(6)] public string AssigneeId { get; set; } = "";
    [Id(7)] public string? DoneBy { get; set; }
    [Id(8)] public DateTimeOffset? DoneAt { get; set; }
}
