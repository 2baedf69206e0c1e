using SalesCoach.Analytics;
using SalesCoach.Grains.Tests.Infrastructure;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Analytics;

/// <summary>
/// The funnel is stored as a snapshot plus a journal page per group write: what a manager reads must
/// survive restarts and failed writes with every event counted once, and the pages must not pile up.
/// </summary>
public sealed class FunnelJournalTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly ClusterFixture fixture = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Restart_AfterMoreWritesThanOneSnapshotCovers_EveryCountSurvivesAndCoveredPagesAreDeleted()
    {
        var pipelineId = Ids.New("p");
        var funnel = fixture.Grains.GetGrain<IFunnelGrain>(pipelineId);

        // One call at a time: each batch is its own group write, so its own journal page.
        for (var i = 0; i < FunnelJournal.PagesPerSnapshot + 44; i++)
        {
            Assert.True(await funnel.ApplyAsync(Created($"lead-{i}", value: 1_000 + i, day: i % 5)));
        }

        var before = await ReadAsync(funnel);
        await fixture.RestartAsync();
        funnel = fixture.Grains.GetGrain<IFunnelGrain>(pipelineId);

        Assert.Equal(before, await ReadAsync(funnel));
        Assert.Equal(300, before.Created);
        Assert.Equal(44, await fixture.JournalPagesAsync(FunnelJournal.SnapshotName, pipelineId));

        // Each lead's applied sequence survived too: a re-delivery is still a repeat, a gap still refused.
        Assert.True(await funnel.ApplyAsync(Created("lead-0", value: 1_000, day: 0)));
        Assert.False(await funnel.ApplyAsync(Created("lead-0", value: 1_000, day: 0) with { Seq = 3 }));
        Assert.Equal(before, await ReadAsync(funnel));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LeadCommand_FunnelPageWriteFails_TheNextCommandDeliversItAndEveryMoveCountsOnce(bool afterStoring)
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Sales(Ids.New("p")));
        var lead = await world.CreateLeadAsync(pipeline.Id);
        var funnel = fixture.Grains.GetGrain<IFunnelGrain>(pipeline.Id);

        fixture.StorageFaults.FailWrites(IsJournalPage, afterStoring);
        await world.Lead(lead.Id).AdvanceAsync(null, "op-1", world.AnaActor); // its batch is not acknowledged
        await world.Lead(lead.Id).AdvanceAsync(null, "op-2", world.AnaActor); // re-sends it first

        Assert.Equal(1, fixture.StorageFaults.Failed);
        var stages = (await funnel.GetFunnelAsync(new MetricsFilter())).Stages.ToDictionary(s => s.Id, s => (s.Entered, s.Exited));
        Assert.Equal((1L, 1L), stages["qualify"]);
        Assert.Equal((1L, 1L), stages["meet"]);
        Assert.Equal((1L, 0L), stages["propose"]);

        await fixture.RestartAsync();
        var reloaded = await fixture.Grains.GetGrain<IFunnelGrain>(pipeline.Id).GetFunnelAsync(new MetricsFilter());
        Assert.Equal(stages, reloaded.Stages.ToDictionary(s => s.Id, s => (s.Entered, s.Exited)));
    }

    [Fact]
    public async Task ApplyAsync_SnapshotWriteFailsAfterStoring_CommandsGoOnAndTheNextSnapshotStillDeletesThePages()
    {
        var pipelineId = Ids.New("p");
        var funnel = fixture.Grains.GetGrain<IFunnelGrain>(pipelineId);
        fixture.StorageFaults.FailWrites(name => name == FunnelJournal.SnapshotName, afterStoring: true);

        for (var i = 0; i < 2 * FunnelJournal.PagesPerSnapshot + 40; i++)
        {
            Assert.True(await funnel.ApplyAsync(Created($"lead-{i}", value: 500, day: i % 3)));
        }

        Assert.Equal(1, fixture.StorageFaults.Failed);
        var before = await ReadAsync(funnel);
        await fixture.RestartAsync();

        Assert.Equal(before, await ReadAsync(fixture.Grains.GetGrain<IFunnelGrain>(pipelineId)));
        Assert.Equal(2 * FunnelJournal.PagesPerSnapshot + 40, before.Created);
        Assert.InRange(await fixture.JournalPagesAsync(FunnelJournal.SnapshotName, pipelineId), 0, FunnelJournal.PagesPerSnapshot - 1);
    }

    [Fact]
    public async Task ApplyAsync_SnapshotKeepsFailing_TriesOncePer256PagesAndLosesNothing()
    {
        var pipelineId = Ids.New("p");
        var funnel = fixture.Grains.GetGrain<IFunnelGrain>(pipelineId);
        fixture.StorageFaults.FailWrites(name => name == FunnelJournal.SnapshotName, afterStoring: false, count: int.MaxValue);

        for (var i = 0; i < FunnelJournal.PagesPerSnapshot + 60; i++)
        {
            Assert.True(await funnel.ApplyAsync(Created($"lead-{i}", value: 700, day: i % 4)));
        }

        // One try at page 256, not one per page after it (each try serialises the whole state).
        Assert.Equal(1, fixture.StorageFaults.Failed);
        var before = await ReadAsync(funnel);
        await fixture.RestartAsync();
        Assert.Equal(before, await ReadAsync(fixture.Grains.GetGrain<IFunnelGrain>(pipelineId)));
        Assert.Equal(FunnelJournal.PagesPerSnapshot + 60, before.Created);
    }

    private static bool IsJournalPage(string stateName) => stateName.StartsWith(FunnelJournal.SnapshotName + ".journal.", StringComparison.Ordinal);

    /// <summary>A new lead's first batch: created, and open in the first stage with a value.</summary>
    private static LeadEventBatch Created(string leadId, decimal value, int day)
    {
        var at = Day1.AddDays(day);
        var dimensions = new LeadDimensions { Rep = "ana", Team = "north", Source = "web" };
        return new LeadEventBatch
        {
            LeadId = leadId,
            Seq = 1,
            At = at,
            Dimensions = dimensions,
            Events = [new LeadEvent { Kind = LeadEventKind.Created, At = at }, new LeadEvent { Kind = LeadEventKind.StageEntered, At = at, StageId = "qualify" }],
            Open = new OpenLead { Dimensions = dimensions, StageId = "qualify", EnteredAt = at, Value = value, Probability = 0.1 },
        };
    }

    /// <summary>What a manager reads: the funnel's counts per stage and the forecast for a period that starts on day 3.</summary>
    private static async Task<(long Created, string Stages, decimal Forecast, decimal OpenNow)> ReadAsync(IFunnelGrain funnel)
    {
        var counts = await funnel.GetFunnelAsync(new MetricsFilter());
        var forecast = await funnel.GetForecastAsync(new MetricsFilter { From = DateOnly.FromDateTime(Day1.AddDays(3).UtcDateTime) });
        return (counts.Created, string.Join(",", counts.Stages.Select(s => $"{s.Id}:{s.Entered}/{s.Exited}")), forecast.Forecast, forecast.OpenNow);
    }
}
