using System.Globalization;
using SalesCoach.Analytics;

namespace SalesCoach.Bot.Simulation;

/// <summary>The metrics the funnel grain reports for a run, printed next to the simulation's ground truth.</summary>
public static class SimulationReport
{
    public static void Write(TextWriter output, GroundTruth truth, FunnelMetrics funnel, AdoptionMetrics adoption, ForecastMetrics forecast, TimeSpan queryTime, Func<string, double?>? probability = null)
    {
        output.WriteLine("stage          entered (truth)   advanced (truth)   conversion  expected   avg days (truth)");
        foreach (var stage in funnel.Stages)
        {
            var t = truth.Stages.GetValueOrDefault(stage.Id) ?? new StageTruth();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stage.Name,-14} {stage.Entered,7} ({t.Entered,6})   {stage.Advanced,7} ({t.Advanced,6})    {Rate(stage.Conversion),8}  {Rate(Expected(t)),8}   {stage.AvgDaysInStage,6} ({Average(t.DaysSum, t.Exited),6})"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            created         {funnel.Created,10} ({truth.Created})
            won / lost      {funnel.Won,10} / {funnel.Lost} ({truth.Won} / {truth.Lost})
            win rate        {Rate(funnel.WinRate),10} ({Rate(Ratio(truth.Won, truth.Won + truth.Lost))})
            avg deal size   {funnel.AvgDealSize,10} ({(truth.Won == 0 ? "-" : Math.Round(truth.WonAmount / truth.Won, 2))})
            cycle days      {funnel.CycleDays,10} ({Average(truth.CycleDaysSum, truth.Won + truth.Lost)})
            ask → decision  {funnel.AskToDecisionDays,10} ({Average(truth.AskDaysSum, truth.AskCount)})
            goal exits      {Rate(adoption.GoalExitShare),10} ({Rate(Ratio(truth.GoalExits, truth.GoalExits + truth.ManualExits))})
            open forecast   {forecast.OpenNow,10} ({Math.Round(truth.OpenWeighted, 2)})
            by win history  {forecast.HistoricalOpenNow,10} ({Math.Round(truth.OpenByHistory(probability ?? (_ => null)), 2)})
            funnel query    {queryTime.TotalMilliseconds,8:0.0} ms
            """));
    }

    /// <summary>The model's conversion for the leads that left the stage (what the measured rate estimates).</summary>
    public static double? Expected(StageTruth t) => t.Exited == 0 ? null : t.ExpectedAdvanceSum / t.Exited;

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static string Average(double sum, long count) => count == 0 ? "-" : Math.Round(sum / count, 2).ToString(CultureInfo.InvariantCulture);

    private static string Rate(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "-";
}
