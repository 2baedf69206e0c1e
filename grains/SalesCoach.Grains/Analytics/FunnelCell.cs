namespace SalesCoach.Analytics;

/// <summary>The counters of one day × rep × team × product × territory × source.</summary>
[GenerateSerializer]
public sealed class FunnelCell
{
    /// <summary><see cref="DateOnly.DayNumber"/> of the UTC day.</summary>
    [Id(0)] public int Day { get; set; }
    [Id(1)] public LeadDimensions Dimensions { get; set; } = new();
    [Id(2)] public Dictionary<string, StageCounters> Stages { get; set; } = [];
    [Id(3)] public long Created { get; set; }
    [Id(4)] public long Won { get; set; }
    [Id(5)] public long Lost { get; set; }
    [Id(6)] public decimal WonAmount { get; set; }
    [Id(7)] public double CycleDaysSum { get; set; }
    [Id(8)] public double AskDaysSum { get; set; }
    [Id(9)] public long AskCount { get; set; }
    [Id(10)] public long TasksDone { get; set; }
    [Id(11)] public long TasksDoneOnTime { get; set; }
    [Id(12)] public long TasksSkipped { get; set; }
    [Id(13)] public long TasksSkippedOverdue { get; set; }
    [Id(14)] public long Activities { get; set; }

    /// <summary>Whether the rep did any work here (beyond being handed a lead).</summary>
    public bool Active => Activities > 0 || TasksDone > 0 || Won > 0 || Lost > 0 || Stages.Values.Any(s => s.Exited > 0);

    public StageCounters Stage(string stageId) =>
        Stages.TryGetValue(stageId, out var counters) ? counters : Stages[stageId] = new StageCounters();
}
