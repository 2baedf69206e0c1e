namespace SalesCoach.Pipelines;

/// <summary>Who gets a lead: the first rule whose <see cref="When"/> matches picks among its reps.</summary>
[GenerateSerializer, Immutable]
public sealed record AssignmentRule
{
    [Id(0)] public AssignmentCondition? When { get; init; }
    [Id(1)] public AssignmentTarget To { get; init; } = new();
    /// <summary><c>roundRobin</c> (default) or <c>leastLoaded</c>.</summary>
    [Id(2)] public string? Strategy { get; init; }
}
