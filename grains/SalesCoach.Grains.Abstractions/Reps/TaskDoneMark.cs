namespace SalesCoach.Reps;

/// <summary>A task on the agenda that was done (not skipped): who did it and whether by its due time; feeds the on-time streak.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskDoneMark(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string DoneBy,
    [property: Id(2)] bool OnTime);
