namespace SalesCoach.Reps;

/// <summary>The on-time streak worth praising (every <see cref="Length"/> tasks on time in a row) and its message.</summary>
[GenerateSerializer, Immutable]
public sealed record StreakRule(
    [property: Id(0)] int Length,
    [property: Id(1)] string Message);
