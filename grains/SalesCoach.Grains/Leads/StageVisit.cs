namespace SalesCoach.Leads;

/// <summary>One stay in a stage. The counts mark which tasks and activities belong to this stay.</summary>
[GenerateSerializer]
public sealed class StageVisit
{
    [Id(0)] public string StageId { get; set; } = "";
    [Id(1)] public DateTimeOffset EnteredAt { get; set; }
    [Id(2)] public DateTimeOffset? ExitedAt { get; set; }
    [Id(3)] public StageExit? Exit { get; set; }
    /// <summary>Index of this stay's first task in <see cref="LeadState.Tasks"/>.</summary>
    [Id(4)] public int FirstTask { get; set; }
    /// <summary>Index of the first activity logged during this stay.</summary>
    [Id(5)] public int FirstActivity { get; set; }
}
