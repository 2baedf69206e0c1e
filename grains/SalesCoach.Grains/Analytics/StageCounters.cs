namespace SalesCoach.Analytics;

/// <summary>What happened in one stage within one aggregate cell.</summary>
[GenerateSerializer]
public sealed class StageCounters
{
    [Id(0)] public long Entered { get; set; }
    [Id(1)] public long Exited { get; set; }
    /// <summary>Exits that moved the lead on: goal, won, or a manual move to a later stage.</summary>
    [Id(2)] public long Advanced { get; set; }
    [Id(3)] public long GoalExits { get; set; }
    [Id(4)] public long ManualExits { get; set; }
    [Id(5)] public long Won { get; set; }
    [Id(6)] public long Lost { get; set; }
    [Id(7)] public double DaysSum { get; set; }
    /// <summary>Leads closed (won or lost) that had been in this stage at some point: the stage-to-win rate's denominator.</summary>
    [Id(8)] public long ClosedAfter { get; set; }
    /// <summary>Of <see cref="ClosedAfter"/>, the leads won.</summary>
    [Id(9)] public long WonAfter { get; set; }

    /// <summary>Of the leads that left the stage, the share that moved on (null when none left).</summary>
    public double? Conversion => Rates.Of(Advanced, Exited);

    /// <summary>Average days in the stage of the leads that left it (null when none left).</summary>
    public double? AvgDays => Rates.Average(DaysSum, Exited);

    public void Add(StageCounters other)
    {
        Entered += other.Entered;
        Exited += other.Exited;
        Advanced += other.Advanced;
        GoalExits += other.GoalExits;
        ManualExits += other.ManualExits;
        Won += other.Won;
        Lost += other.Lost;
        DaysSum += other.DaysSum;
        ClosedAfter += other.ClosedAfter;
        WonAfter += other.WonAfter;
    }
}
