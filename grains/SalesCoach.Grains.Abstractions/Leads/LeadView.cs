namespace SalesCoach.Leads;

/// <summary>A lead as the API shows it (API.md "Leads").</summary>
[GenerateSerializer, Immutable]
public sealed record LeadView
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public string? Company { get; init; }
    [Id(3)] public IReadOnlyList<string> Emails { get; init; } = [];
    [Id(4)] public decimal? Value { get; init; }
    [Id(5)] public string? Currency { get; init; }
    [Id(6)] public string? Product { get; init; }
    [Id(7)] public string? Territory { get; init; }
    [Id(8)] public string? Source { get; init; }
    [Id(9)] public string OwnerId { get; init; } = "";
    [Id(10)] public string PipelineId { get; init; } = "";
    [Id(11)] public int PipelineVersion { get; init; }
    [Id(12)] public LeadStatus Status { get; init; }
    [Id(13)] public StageView? Stage { get; init; }
    [Id(14)] public IReadOnlyList<TaskView> Tasks { get; init; } = [];
    [Id(15)] public IReadOnlyList<StageVisitView> History { get; init; } = [];
    [Id(16)] public IReadOnlyList<ActivityView> Activities { get; init; } = [];
    [Id(17)] public OutcomeView? Outcome { get; init; }
    [Id(18)] public DateTimeOffset CreatedAt { get; init; }
}
