namespace SalesCoach.Pipelines;

/// <summary>The candidates of a rule: named reps, a team's members, or every rep of a tier.</summary>
[GenerateSerializer, Immutable]
public sealed record AssignmentTarget
{
    [Id(0)] public List<string>? Reps { get; init; }
    [Id(1)] public string? Team { get; init; }
    [Id(2)] public int? Tier { get; init; }
}
