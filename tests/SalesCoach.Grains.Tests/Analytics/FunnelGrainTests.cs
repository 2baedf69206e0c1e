using SalesCoach.Analytics;
using SalesCoach.Common;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Analytics;

/// <summary>Leads running through a pipeline on the test cluster feed the pipeline's funnel grain.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FunnelGrainTests(ClusterFixture fixture)
{
    private async Task<(World World, PipelineDefinition Pipeline)> SetUpAsync()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Sales(Ids.New("p")));
        return (world, pipeline);
    }

    private static LeadFacts Facts(PipelineDefinition pipeline, decimal? value) =>
        new() { Name = "Acme", Product = pipeline.Id, Value = value, Source = "web" };

    [Fact]
    public async Task GetFunnelAsync_LeadsWonAndLost_CountsEveryStageFromTheLeadsEvents()
    {
        var (world, pipeline) = await SetUpAsync();
        var won = await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, 10_000));
        fixture.Time.Advance(TimeSpan.FromDays(2));
        await world.Lead(won.Id).LogActivityAsync(new ActivityInput { Type = "meeting" }, world.AnaActor);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await world.Lead(won.Id).AdvanceAsync(null, "op-1", world.AnaActor);
        await world.Lead(won.Id).WinAsync(12_000, "op-2", world.AnaActor);
        var lost = await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, null), owner: world.Bo);
        await world.Lead(lost.Id).LoseAsync("no budget", null, Actor.System);
        await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, 5_000));

        var funnel = await world.Grains.GetGrain<IFunnelGrain>(pipeline.Id).GetFunnelAsync(new MetricsFilter());

        Assert.Equal(["qualify", "meet", "propose", "close"], funnel.Stages.Select(s => s.Id));
        var qualify = funnel.Stages[0];
        Assert.Equal((3L, 3L, 2L, 1L), (qualify.Entered, qualify.Exited, qualify.Advanced, qualify.Dropped));
        var meet = funnel.Stages[1];
        Assert.Equal((2L, 1L, 2.0), (meet.Entered, meet.Exited, meet.AvgDaysInStage!.Value));
        Assert.Equal((3L, 1L, 1L), (funnel.Created, funnel.Won, funnel.Lost));
        Assert.Equal(0.5, funnel.WinRate);
        Assert.Equal(12_000m, funnel.AvgDealSize);

        var anaOnly = await world.Grains.GetGrain<IFunnelGrain>(pipeline.Id).GetFunnelAsync(new MetricsFilter { RepId = world.Ana });
        Assert.Equal((2L, 1L, 0L), (anaOnly.Created, anaOnly.Won, anaOnly.Lost));
        var team = await world.Grains.GetGrain<IFunnelGrain>(pipeline.Id).GetFunnelAsync(new MetricsFilter { TeamId = world.Team });
        Assert.Equal(3, team.Created);
    }

    [Fact]
    public async Task GetForecastAsync_OpenLeads_WeighsValueByStageProbabilityAndReadsQuotas()
    {
        var (world, pipeline) = await SetUpAsync();
        await world.Rep(world.Ana).SaveProfileAsync(new SalesCoach.Reps.RepProfile { Id = world.Ana, Name = "Ana", Email = "ana@contoso.example", TeamId = world.Team, Quota = 20_000 });
        await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, 10_000));
        var closing = await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, 4_000));
        await world.Lead(closing.Id).WinAsync(5_000, null, world.AnaActor);

        var forecast = await world.Grains.GetGrain<IFunnelGrain>(pipeline.Id).GetForecastAsync(new MetricsFilter { RepId = world.Ana });

        Assert.Equal(5_000m, forecast.OpenNow);
        Assert.Equal(5_000m, forecast.Actual);
        var ana = Assert.Single(forecast.Reps);
        Assert.Equal((20_000m, 0.25), (ana.Quota!.Value, ana.Attainment!.Value));
    }

    [Fact]
    public async Task GetCoachingAsync_StuckLeadAndManualJump_ReportsStuckAndAdoption()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, null));
        await world.Lead(lead.Id).AdvanceAsync("propose", "jump", world.AnaActor);
        fixture.Time.Advance(TimeSpan.FromDays(20));

        var grain = world.Grains.GetGrain<IFunnelGrain>(pipeline.Id);
        var funnel = await grain.GetFunnelAsync(new MetricsFilter { RepId = world.Ana, StuckDays = 14 });
        var adoption = await grain.GetAdoptionAsync(new MetricsFilter { TeamId = world.Team });

        Assert.Equal(1, funnel.Stages.Single(s => s.Id == "propose").Stuck);
        Assert.Equal(0, funnel.Stages.Single(s => s.Id == "qualify").Stuck);
        Assert.Equal((0L, 1L, 0.0), (adoption.GoalExits, adoption.ManualExits, adoption.GoalExitShare!.Value));
        Assert.Equal(2, adoption.TasksSkipped);
    }

    [Fact]
    public async Task GetForecastAsync_HandBuiltHistory_ForecastsByEachStagesHistoricalWinRate()
    {
        var world = await new World(fixture).WithTeamAsync();
        var sales = Sales(Ids.New("p"));
        double[] probabilities = [0.1, 0.3, 0.6, 0.9];
        var pipeline = await world.SavePipelineAsync(sales with { Stages = [.. sales.Stages.Select((s, i) => s with { Probability = probabilities[i] })] });
        var funnel = world.Grains.GetGrain<IFunnelGrain>(pipeline.Id);
        var day1 = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var dims = new LeadDimensions { Rep = world.Ana, Team = world.Team };
        async Task Close(string lead, DateTimeOffset at, bool won, params string[] passed) =>
            Assert.True(await funnel.ApplyAsync(new LeadEventBatch
            {
                LeadId = lead, Seq = 1, At = at, Dimensions = dims,
                Events = [new LeadEvent { Kind = won ? LeadEventKind.Won : LeadEventKind.Lost, At = at, StageId = passed[^1], Amount = won ? 20_000 : null, PassedStages = passed }],
            }));
        async Task Open(string lead, string stage, decimal value, double probability) =>
            Assert.True(await funnel.ApplyAsync(new LeadEventBatch
            {
                LeadId = lead, Seq = 1, At = day1, Dimensions = dims, Events = [],
                Open = new OpenLead { Dimensions = dims, StageId = stage, EnteredAt = day1, Value = value, Probability = probability },
            }));

        // History on day 1: qualify 20 closed, 3 won (0.15); meet 10 closed, 3 won (0.3); propose 4 closed, 3 won (0.75); close: none.
        for (var i = 0; i < 10; i++)
        {
            await Close($"q{i}", day1, false, "qualify");
        }

        for (var i = 0; i < 6; i++)
        {
            await Close($"m{i}", day1, false, "qualify", "meet");
        }

        for (var i = 0; i < 4; i++)
        {
            await Close($"p{i}", day1, i < 3, "qualify", "meet", "propose");
        }

        await Open("open-a", "qualify", 10_000, 0.1);
        await Open("open-b", "propose", 20_000, 0.6);
        await Open("open-c", "close", 1_000, 0.9);
        // Day 2: open-b is won; it had been in qualify, meet and propose.
        Assert.True(await funnel.ApplyAsync(new LeadEventBatch
        {
            LeadId = "open-b", Seq = 2, At = day1.AddDays(1), Dimensions = dims,
            Events = [new LeadEvent { Kind = LeadEventKind.Won, StageId = "propose", Amount = 20_000, PassedStages = ["qualify", "meet", "propose"] }],
        }));
        var day2 = DateOnly.FromDateTime(day1.AddDays(1).UtcDateTime);

        var forecast = await funnel.GetForecastAsync(new MetricsFilter { From = day2, To = day2.AddDays(30) });

        Assert.Equal(13_900m, forecast.Forecast); // 10,000 × 0.1 + 20,000 × 0.6 + 1,000 × 0.9
        Assert.Equal(17_400m, forecast.HistoricalForecast); // 10,000 × 0.15 + 20,000 × 0.75 + 1,000 × 0.9 (no history: probability)
        Assert.Equal(20_000m, forecast.Actual);
        Assert.Equal(0.8506, forecast.HistoricalAccuracy); // 1 − 2,600 ÷ 17,400
        Assert.Equal(
            [("qualify", 20L, 3L, 0.15, StageWinRate.History), ("meet", 10L, 3L, 0.3, StageWinRate.History),
             ("propose", 4L, 3L, 0.75, StageWinRate.History), ("close", 0L, 0L, 0.9, StageWinRate.Probability)],
            forecast.StageWinRates.Select(r => (r.Id, r.Closed, r.Won, r.Rate, r.Basis)));
        Assert.Null(forecast.StageWinRates[3].WinRate);
        Assert.Equal(17_400m, Assert.Single(forecast.Reps).HistoricalForecast);
        // Now, with open-b's win in the history too: qualify 4 of 21; open-a (qualify) and open-c (close) remain.
        Assert.Equal(Math.Round((10_000m * 4 / 21) + 900m, 2), forecast.HistoricalOpenNow);
    }
}
