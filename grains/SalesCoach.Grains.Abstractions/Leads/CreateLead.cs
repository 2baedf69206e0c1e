namespace SalesCoach.Leads;

/// <summary>A new lead; pipeline and owner are chosen by routing and assignment when not given.</summary>
[GenerateSerializer, Immutable]
public sealed record CreateLead
{
    [Id(0)] public LeadFacts Facts { get; init; } = new();
    [Id(1)] public string? PipelineId { get; init; }
    [Id(2)] public string? OwnerId { get; init; }
}
