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

    /// <summary>Adds <paramref name="other"/>'s counters to these (a roll-up, or a batch's delta into its cell).</summary>
    public void Add(FunnelCell other)
    {
        Created += other.Created;
        Won += other.Won;
        Lost += other.Lost;
        WonAmount += other.WonAmount;
        CycleDaysSum += other.CycleDaysSum;
        AskDaysSum += other.AskDaysSum;
        AskCount += other.AskCount;
        TasksDone += other.TasksDone;
        TasksDoneOnTime += other.TasksDoneOnTime;
        TasksSkipped += other.TasksSkipped;
        TasksSkippedOverdue += other.TasksSkippedOverdue;
        Activities += other.Activities;
        foreach (var (stageId, counters) in other.Stages)
        {
            Stage(stageId).Add(counters);
        }
    }

    public StageCounters Stage(string stageId) =>
        Stages.TryGetValue(stageId, out var counters) ? counters : Stages[stageId] = new StageCounters();
}
