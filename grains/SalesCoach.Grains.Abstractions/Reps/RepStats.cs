namespace SalesCoach.Reps;

/// <summary>Recognition a rep has received and their current run of tasks done on time.</summary>
[GenerateSerializer, Immutable]
public sealed record RepStats
{
    [Id(0)] public int Kudos { get; init; }
    [Id(1)] public int Praise { get; init; }
    [Id(2)] public int OnTimeStreak { get; init; }
    [Id(3)] public int BestOnTimeStreak { get; init; }
}
