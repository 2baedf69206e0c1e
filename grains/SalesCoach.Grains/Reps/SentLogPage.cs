namespace SalesCoach.Reps;

/// <summary>One write of a rep's <see cref="SentLog"/>: the ids' hashes added, by UTC day, and the day before which all are forgotten.</summary>
[GenerateSerializer]
public sealed class SentLogPage
{
    /// <summary>By <see cref="DateOnly.DayNumber"/>: the hashes added.</summary>
    [Id(0)] public Dictionary<int, List<ulong>> Added { get; set; } = [];

    /// <summary>Days before this day number are forgotten (0: none).</summary>
    [Id(1)] public int PruneBefore { get; set; }
}
