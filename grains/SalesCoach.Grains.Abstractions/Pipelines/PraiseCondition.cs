namespace SalesCoach.Pipelines;

/// <summary>When a praise rule fires.</summary>
[GenerateSerializer, Immutable]
public sealed record PraiseCondition
{
    [Id(0)] public string? StageExited { get; init; }
    [Id(1)] public decimal? ValueAtLeast { get; init; }
    [Id(2)] public bool? Won { get; init; }
    [Id(3)] public int? OnTimeStreak { get; init; }
}
