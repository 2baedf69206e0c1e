namespace SalesCoach.Pipelines;

/// <summary>
/// A stage goal: exactly one member is set (the validator enforces it). <see cref="All"/> and
/// <see cref="Any"/> combine other goals.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GoalDefinition
{
    [Id(0)] public string? TaskCompleted { get; init; }
    [Id(1)] public bool? AllTasksCompleted { get; init; }
    [Id(2)] public string? FieldSet { get; init; }
    [Id(3)] public ActivityGoal? Activity { get; init; }
    [Id(4)] public bool? Manual { get; init; }
    [Id(5)] public List<GoalDefinition>? All { get; init; }
    [Id(6)] public List<GoalDefinition>? Any { get; init; }
}
