namespace SalesCoach.Analytics;

/// <summary>What the aggregates are cut by, besides the day and the stage.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadDimensions
{
    [Id(0)] public string Rep { get; init; } = "";
    [Id(1)] public string? Team { get; init; }
    [Id(2)] public string? Product { get; init; }
    [Id(3)] public string? Territory { get; init; }
    [Id(4)] public string? Source { get; init; }
}
