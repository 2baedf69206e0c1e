namespace SalesCoach.Bot.Simulation;

/// <summary>What the simulation actually did, counted by the simulator itself: the yardstick for the metrics.</summary>
public sealed class GroundTruth
{
    public Dictionary<string, StageTruth> Stages { get; } = [];
    public long Created { get; set; }
    public long Won { get; set; }
    public long Lost { get; set; }
    public decimal WonAmount { get; set; }
    public double CycleDaysSum { get; set; }
    public double AskDaysSum { get; set; }
    public long AskCount { get; set; }
    public long GoalExits { get; set; }
    public long ManualExits { get; set; }
    /// <summary>Σ open value × stage probability at the end.</summary>
    public decimal OpenWeighted { get; set; }
    /// <summary>Open value per stage at the end (for the forecast by historical stage-to-win rate).</summary>
    public Dictionary<string, decimal> OpenValue { get; } = [];

    /// <summary>
    /// Σ open value × the stage's stage-to-win rate as this run counted it (won ÷ closed of the leads that
    /// had been in the stage), or its probability where no lead in the stage closed.
    /// </summary>
    public decimal OpenByHistory(Func<string, double?> probability) =>
        OpenValue.Sum(kv => Stage(kv.Key) is { ClosedAfter: > 0 } s
            ? kv.Value * s.WonAfter / s.ClosedAfter
            : kv.Value * (decimal)(probability(kv.Key) ?? 0));
    public Dictionary<string, (long Won, long Lost)> ByRep { get; } = [];

    public StageTruth Stage(string id) => Stages.TryGetValue(id, out var s) ? s : Stages[id] = new StageTruth();

    public void Closed(string rep, bool won)
    {
        var (w, l) = ByRep.GetValueOrDefault(rep);
        ByRep[rep] = won ? (w + 1, l) : (w, l + 1);
    }
}

/// <summary>One stage's true counts, and the model's expected conversion summed over the exits (for the tolerance check).</summary>
public sealed class StageTruth
{
    public long Entered { get; set; }
    public long Exited { get; set; }
    public long Advanced { get; set; }
    public long Lost { get; set; }
    public double DaysSum { get; set; }
    public double ExpectedAdvanceSum { get; set; }
    /// <summary>Closed leads that had been in the stage, and of those the leads won.</summary>
    public long ClosedAfter { get; set; }
    public long WonAfter { get; set; }
}
