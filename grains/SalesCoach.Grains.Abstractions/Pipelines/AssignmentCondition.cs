namespace SalesCoach.Pipelines;

/// <summary>Lead facts a rule applies to; every member set must match.</summary>
[GenerateSerializer, Immutable]
public sealed record AssignmentCondition
{
    [Id(0)] public string? Territory { get; init; }
    [Id(1)] public string? Product { get; init; }
    [Id(2)] public decimal? ValueAtLeast { get; init; }
    [Id(3)] public decimal? ValueBelow { get; init; }
    [Id(4)] public string? Source { get; init; }
}
