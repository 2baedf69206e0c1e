using System.Text.Json;
using SalesCoach.Analytics;
using SalesCoach.Common;
using SalesCoach.Leads;

namespace SalesCoach.Grains.Tests.Analytics;

/// <summary>The analytics math on hand-made batches: no cluster.</summary>
public sealed class FunnelAggregatesTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<(string Id, string Name)> Stages = [("qualify", "Qualify"), ("ask", "Ask")];

    private static LeadDimensions Rep(string rep, string? team = "t1", string? product = "p") =>
        new() { Rep = rep, Team = team, Product = product };

    private static LeadEventBatch Batch(string lead, long seq, DateTimeOffset at, LeadDimensions dims, OpenLead? open, params LeadEvent[] events) =>
        new() { LeadId = lead, Seq = seq, At = at, Dimensions = dims, Events = events, Open = open };

    private static LeadEvent Exit(string stage, StageExit how, double days, bool forward) =>
        new() { Kind = LeadEventKind.StageExited, StageId = stage, Exit = how, Days = days, Forward = forward };

    private static LeadEvent Enter(string stage) => new() { Kind = LeadEventKind.StageEntered, StageId = stage };

    [Fact]
    public void Apply_RepeatOrGap_RepeatIgnoredAndGapRefused()
    {
        var state = new FunnelState();
        var first = Batch("l1", 1, Day1, Rep("ana"), null, new LeadEvent { Kind = LeadEventKind.Created }, Enter("qualify"));

        Assert.True(FunnelAggregates.Apply(state, first));
        Assert.True(FunnelAggregates.Apply(state, first));
        Assert.False(FunnelAggregates.Apply(state, Batch("l1", 3, Day1, Rep("ana"), null, Enter("ask"))));

        var funnel = FunnelAggregates.Funnel(state, Stages, new MetricsFilter(), Day1);
        Assert.Equal(1, funnel.Created);
        Assert.Equal(1, funnel.Stages[0].Entered);
        Assert.Equal(0, funnel.Stages[1].Entered);
    }

    [Fact]
    public void Funnel_ExitsWinsAndLosses_CountsConversionWinRateDealSizeAndCycle()
    {
        var state = new FunnelState();
        FunnelAggregates.Apply(state, Batch("l1", 1, Day1, Rep("ana"), null,
            Exit("qualify", StageExit.Goal, 2, true), Exit("ask", StageExit.Won, 4, true),
            new LeadEvent { Kind = LeadEventKind.Won, Amount = 1000, CycleDays = 6, AskDays = 4 }));
        FunnelAggregates.Apply(state, Batch("l2", 1, Day1, Rep("bo"), null,
            Exit("qualify", StageExit.Lost, 1, false), new LeadEvent { Kind = LeadEventKind.Lost, CycleDays = 1 }));
        FunnelAggregates.Apply(state, Batch("l3", 1, Day1, Rep("bo"), null,
            Exit("qualify", StageExit.Manual, 3, true), Exit("ask", StageExit.Won, 1, true),
            new LeadEvent { Kind = LeadEventKind.Won, Amount = 3000, CycleDays = 4, AskDays = 1 }));

        var funnel = FunnelAggregates.Funnel(state, Stages, new MetricsFilter(), Day1);

        var qualify = funnel.Stages[0];
        Assert.Equal((3L, 2L, 1L), (qualify.Exited, qualify.Advanced, qualify.Dropped));
        Assert.Equal(0.6667, qualify.Conversion);
        Assert.Equal(2, qualify.AvgDaysInStage);
        Assert.Equal((2L, 1L), (funnel.Won, funnel.Lost));
        Assert.Equal(0.6667, funnel.WinRate);
        Assert.Equal(2000m, funnel.AvgDealSize);
        Assert.Equal(3.67, funnel.CycleDays);
        Assert.Equal(2.5, funnel.AskToDecisionDays);

        var adoption = FunnelAggregates.Adoption(state, new MetricsFilter());
        Assert.Equal(0.5, adoption.GoalExitShare); // one goal exit, one manual; won/lost exits are neither
        Assert.Equal(1.0, adoption.ActiveRepShare);
    }

    [Fact]
    public void Funnel_PeriodBoundaries_BothEndsInclusiveByUtcDay()
    {
        var state = new FunnelState();
        var dayBefore = Day1.AddDays(-1).Date.AddHours(23).AddMinutes(59);
        FunnelAggregates.Apply(state, Batch("a", 1, new DateTimeOffset(dayBefore, TimeSpan.Zero), Rep("ana"), null, new LeadEvent { Kind = LeadEventKind.Created }));
        FunnelAggregates.Apply(state, Batch("b", 1, Day1.Date, Rep("ana"), null, new LeadEvent { Kind = LeadEventKind.Created }));
        FunnelAggregates.Apply(state, Batch("c", 1, Day1.Date.AddHours(23).AddMinutes(59), Rep("ana"), null, new LeadEvent { Kind = LeadEventKind.Created }));
        FunnelAggregates.Apply(state, Batch("d", 1, Day1.Date.AddDays(1), Rep("ana"), null, new LeadEvent { Kind = LeadEventKind.Created }));
        var day = DateOnly.FromDateTime(Day1.UtcDateTime);

        Assert.Equal(2, FunnelAggregates.Funnel(state, Stages, new MetricsFilter { From = day, To = day }, Day1).Created);
        Assert.Equal(3, FunnelAggregates.Funnel(state, Stages, new MetricsFilter { From = day }, Day1).Created);
        Assert.Equal(3, FunnelAggregates.Funnel(state, Stages, new MetricsFilter { To = day }, Day1).Created);
    }

    [Fact]
    public void Metrics_EmptyPeriodOrRepWithNoClosedLeads_NullRatesAndNoNaNInJson()
    {
        var state = new FunnelState();
        FunnelAggregates.Apply(state, Batch("l1", 1, Day1, Rep("ana"), new OpenLead { Dimensions = Rep("ana"), StageId = "qualify", EnteredAt = Day1, Value = 100, Probability = 0.2 },
            new LeadEvent { Kind = LeadEventKind.Created }, Enter("qualify")));
        var empty = new MetricsFilter { From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 1, 31) };

        object[] results =
        [
            FunnelAggregates.Funnel(state, Stages, empty, Day1),
            FunnelAggregates.Funnel(state, Stages, new MetricsFilter { RepId = "ana" }, Day1),
            FunnelAggregates.Adoption(state, empty),
            FunnelAggregates.Forecast(state, empty, new Dictionary<string, decimal?> { ["ana"] = 0 }),
            FunnelAggregates.Coaching(state, Stages, "ana", new MetricsFilter()),
            FunnelAggregates.DealSize(state, new MetricsFilter(), DealSizeBy.Rep),
        ];

        var funnel = (FunnelMetrics)results[1];
        Assert.Null(funnel.WinRate);
        Assert.Null(funnel.AvgDealSize);
        Assert.Null(funnel.Stages[0].Conversion);
        foreach (var result in results)
        {
            var json = JsonSerializer.Serialize(result, result.GetType(), SalesCoachJson.Options);
            Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Forecast_PeriodStart_UsesTheOpenPipelineAsItStoodThenAndQuotaAttainment()
    {
        var state = new FunnelState();
        var open = new OpenLead { Dimensions = Rep("ana"), StageId = "ask", EnteredAt = Day1, Value = 10_000, Probability = 0.5 };
        FunnelAggregates.Apply(state, Batch("l1", 1, Day1, Rep("ana"), open, Enter("ask")));
        FunnelAggregates.Apply(state, Batch("l1", 2, Day1.AddDays(3), Rep("ana"), null,
            Exit("ask", StageExit.Won, 3, true), new LeadEvent { Kind = LeadEventKind.Won, Amount = 4_000, CycleDays = 3 }));
        var filter = new MetricsFilter { From = DateOnly.FromDateTime(Day1.AddDays(1).UtcDateTime), To = DateOnly.FromDateTime(Day1.AddDays(10).UtcDateTime) };

        var forecast = FunnelAggregates.Forecast(state, filter, new Dictionary<string, decimal?> { ["ana"] = 8_000 });

        Assert.Equal(5_000m, forecast.Forecast);
        Assert.Equal(4_000m, forecast.Actual);
        Assert.Equal(0.8, forecast.Accuracy);
        Assert.Equal(0m, forecast.OpenNow);
        var ana = Assert.Single(forecast.Reps);
        Assert.Equal(0.5, ana.Attainment);
    }

    [Fact]
    public void Coaching_RepBelowTeamInOneStage_NamesThatStage()
    {
        var state = new FunnelState();
        var seq = 0;
        void Exits(string rep, string stage, int advanced, int lost)
        {
            for (var i = 0; i < advanced + lost; i++)
            {
                FunnelAggregates.Apply(state, Batch($"{rep}-{stage}-{seq++}", 1, Day1, Rep(rep), null,
                    i < advanced ? Exit(stage, StageExit.Goal, 2, true) : Exit(stage, StageExit.Lost, 5, false)));
            }
        }

        Exits("ana", "qualify", 8, 2);
        Exits("ana", "ask", 2, 8);
        Exits("bo", "qualify", 8, 2);
        Exits("bo", "ask", 8, 2);

        var coaching = FunnelAggregates.Coaching(state, Stages, "ana", new MetricsFilter());

        Assert.Equal("ask", coaching.WeakestStage);
        var ask = coaching.Stages.Single(s => s.Id == "ask");
        Assert.Equal(0.2, ask.RepConversion);
        Assert.Equal(0.5, ask.TeamConversion);
        Assert.Equal(4.4, ask.RepDaysInStage);
    }

    [Fact]
    public void DealSize_ByProduct_GroupsWonAmounts()
    {
        var state = new FunnelState();
        FunnelAggregates.Apply(state, Batch("a", 1, Day1, Rep("ana", product: "x"), null, new LeadEvent { Kind = LeadEventKind.Won, Amount = 100 }));
        FunnelAggregates.Apply(state, Batch("b", 1, Day1, Rep("bo", product: "x"), null, new LeadEvent { Kind = LeadEventKind.Won, Amount = 300 }));
        FunnelAggregates.Apply(state, Batch("c", 1, Day1, Rep("bo", product: null), null, new LeadEvent { Kind = LeadEventKind.Won, Amount = 50 }));

        var rows = FunnelAggregates.DealSize(state, new MetricsFilter(), DealSizeBy.Product);

        Assert.Equal([("x", 2L, (decimal?)200m), (FunnelAggregates.None, 1L, 50m)], rows.Select(r => (r.Key, r.Won, r.AvgDealSize)));
    }

    [Fact]
    public void Forecast_NoLeadClosedYet_FallsBackToTheStageProbabilityOrZeroWithoutNaN()
    {
        var state = new FunnelState();
        FunnelAggregates.Apply(state, Batch("l1", 1, Day1, Rep("ana"), new OpenLead { Dimensions = Rep("ana"), StageId = "qualify", EnteredAt = Day1, Value = 1_000, Probability = 0.2 }));
        FunnelAggregates.Apply(state, Batch("l2", 1, Day1, Rep("ana"), new OpenLead { Dimensions = Rep("ana"), StageId = "ask", EnteredAt = Day1, Value = 500, Probability = 0 }));

        var forecast = FunnelAggregates.Forecast(state, new MetricsFilter(), new Dictionary<string, decimal?>(), [("qualify", "Qualify", 0.2), ("ask", "Ask", null)]);

        Assert.Equal(200m, forecast.HistoricalForecast);
        Assert.Equal(200m, forecast.HistoricalOpenNow);
        Assert.Equal(0.0, forecast.HistoricalAccuracy); // nothing won against a forecast of 200
        Assert.Equal([(StageWinRate.Probability, 0.2), (StageWinRate.None, 0.0)], forecast.StageWinRates.Select(r => (r.Basis, r.Rate)));
        Assert.All(forecast.StageWinRates, r => Assert.Null(r.WinRate));
        var json = JsonSerializer.Serialize(forecast, SalesCoachJson.Options);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
    }
}
