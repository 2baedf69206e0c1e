using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Analytics;
using SalesCoach.Bot.Simulation;

namespace SalesCoach.Bot.Tests.Simulation;

/// <summary>
/// The simulator on a silo of its own with a fixed seed: every count the funnel grain reports must
/// equal the simulation's ground truth exactly; measured conversion must sit within three standard
/// errors (plus 0.02) of the model's known probability.
/// </summary>
public sealed class SimulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_Seed7_EveryMetricMatchesTheGroundTruth()
    {
        var time = new SimulatedTime(Start);
        using var host = await SimulationHost.StartAsync(time);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var options = new SimulationOptions { Reps = 6, Leads = 240, Days = 40, Seed = 7 };

        var truth = await new Simulator(grains, time).RunAsync(options, Start);

        var funnel = grains.GetGrain<IFunnelGrain>(SimulationModel.PipelineId);
        var all = new MetricsFilter();
        var metrics = await funnel.GetFunnelAsync(all);
        var adoption = await funnel.GetAdoptionAsync(all);
        var forecast = await funnel.GetForecastAsync(all);

        foreach (var stage in metrics.Stages)
        {
            var t = truth.Stages[stage.Id];
            Assert.Equal((t.Entered, t.Exited, t.Advanced, t.Lost), (stage.Entered, stage.Exited, stage.Advanced, stage.Dropped));
            Assert.Equal(Math.Round(t.DaysSum / t.Exited, 2), stage.AvgDaysInStage);
            var expected = SimulationReport.Expected(t)!.Value;
            var tolerance = (3 * Math.Sqrt(expected * (1 - expected) / t.Exited)) + 0.02;
            Assert.InRange(stage.Conversion!.Value, expected - tolerance, expected + tolerance);
        }

        Assert.Equal((truth.Created, truth.Won, truth.Lost, truth.WonAmount), (metrics.Created, metrics.Won, metrics.Lost, metrics.WonAmount));
        Assert.Equal(Math.Round(truth.CycleDaysSum / (truth.Won + truth.Lost), 2), metrics.CycleDays);
        Assert.Equal(Math.Round(truth.AskDaysSum / truth.AskCount, 2), metrics.AskToDecisionDays);
        Assert.Equal((truth.GoalExits, truth.ManualExits), (adoption.GoalExits, adoption.ManualExits));
        Assert.Equal(Math.Round(truth.OpenWeighted, 2), forecast.OpenNow);

        // The stage-to-win rate against the run's own count of closed leads per stage passed: exact; the
        // forecast by it within 0.01 (the same decimal sums, added in another order).
        foreach (var rate in forecast.StageWinRates)
        {
            var t = truth.Stages[rate.Id];
            Assert.Equal((t.ClosedAfter, t.WonAfter), (rate.Closed, rate.Won));
            Assert.Equal(t.ClosedAfter > 0 ? StageWinRate.History : StageWinRate.Probability, rate.Basis);
        }

        var byHistory = truth.OpenByHistory(id => SimulationModel.Pipeline.Stages.Find(s => s.Id == id)?.Probability);
        Assert.InRange(forecast.HistoricalOpenNow, byHistory - 0.01m, byHistory + 0.01m);
        Assert.Equal(forecast.HistoricalOpenNow, forecast.HistoricalForecast); // no period start: the open pipeline now
        Assert.True(forecast.StageWinRates.Count(r => r.Basis == StageWinRate.History) >= 3, "most stages have closed leads after them");
        foreach (var (rep, (won, lost)) in truth.ByRep)
        {
            var mine = await funnel.GetFunnelAsync(new MetricsFilter { RepId = rep });
            Assert.Equal((won, lost), (mine.Won, mine.Lost));
        }

        var firstWeek = await funnel.GetFunnelAsync(new MetricsFilter { From = DateOnly.FromDateTime(Start.UtcDateTime), To = DateOnly.FromDateTime(Start.AddDays(6).UtcDateTime) });
        Assert.Equal(7 * options.Leads / options.Days, firstWeek.Created); // leads arrive evenly: six a day
        await host.StopAsync();
    }

    [Fact]
    public void Parse_BadOptions_ListsEveryProblem()
    {
        var (options, problems) = SimulationOptions.Parse(["--reps", "0", "--leads", "many", "--colour", "3"]);

        Assert.Null(options);
        Assert.Equal(["--reps", "--leads", "--colour"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Parse_Defaults_AreTheIssuesExample()
    {
        var (options, _) = SimulationOptions.Parse(["--demo"]);

        Assert.Equal((20, 5000, 120, 7, true), (options!.Reps, options.Leads, options.Days, options.Seed, options.Demo));
    }
}
