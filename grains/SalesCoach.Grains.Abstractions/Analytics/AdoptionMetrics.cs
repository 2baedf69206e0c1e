namespace SalesCoach.Analytics;

/// <summary>
/// API.md <c>GET /api/metrics/adoption</c>: goal exits ÷ (goal + manual exits); tasks done ÷ (done +
/// skipped); reps with any recorded work in the period ÷ reps in scope. Null when there is nothing to divide.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AdoptionMetrics
{
    [Id(0)] public double? GoalExitShare { get; init; }
    [Id(1)] public double? TaskCompletionShare { get; init; }
    [Id(2)] public double? ActiveRepShare { get; init; }
    [Id(3)] public long GoalExits { get; init; }
    [Id(4)] public long ManualExits { get; init; }
    [Id(5)] public long TasksDone { get; init; }
    [Id(6)] public long TasksDoneOnTime { get; init; }
    [Id(7)] public long TasksSkipped { get; init; }
    [Id(8)] public long TasksSkippedOverdue { get; init; }
    [Id(9)] public int ActiveReps { get; init; }
    [Id(10)] public int Reps { get; init; }
}
