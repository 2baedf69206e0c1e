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
}
