using SalesCoach.Common;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Analytics;

/// <summary>Praise: the pipeline's rules and the defaults, each milestone praised once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PraiseTests(ClusterFixture fixture)
{
    private static Task WakeAsync(IRepGrain rep) =>
        rep.AsReference<IRemindable>().ReceiveReminder(RepGrain.AgendaReminder, default);

    private static LeadFacts Facts(PipelineDefinition pipeline, decimal? value) => new() { Name = "Acme", Product = pipeline.Id, Value = value };

    [Fact]
    public async Task WinAsync_WonDealWonAgain_PraisesTheOwnerOnce()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"), Stage("work", Manual())));
        var lead = await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, 100));

        await world.Lead(lead.Id).WinAsync(100, "w1", world.AnaActor);
        await world.Lead(lead.Id).WinAsync(100, "w2", world.AnaActor);
        await WakeAsync(world.Rep(world.Ana));

        Assert.Equal(1, (await world.Rep(world.Ana).GetStatsAsync()).Praise);
        var praise = Assert.Single(fixture.Notifier.SentTo(world.Ana), n => n.Kind == NotificationKind.Praise);
        Assert.Equal($"praise:won:{lead.Id}", praise.Id);
        Assert.Contains("Acme", praise.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdvanceAsync_LargeLeadLeavesTheAskStage_PraisesByDefaultAndSmallOnesNot()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"), Stage("ask", Manual()) with { Ask = true }, Stage("close")));
        var large = await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, 60_000));
        var small = await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, 1_000), owner: world.Bo);

        await world.Lead(large.Id).AdvanceAsync(null, "a1", world.AnaActor);
        await world.Lead(small.Id).AdvanceAsync(null, "a1", Actor.System);

        Assert.Equal(1, (await world.Rep(world.Ana).GetStatsAsync()).Praise);
        Assert.Equal(0, (await world.Rep(world.Bo).GetStatsAsync()).Praise);
    }

    [Fact]
    public async Task CompleteTaskAsync_PipelineStreakOfThree_PraisesEveryThirdOnTimeAndALateTaskResets()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"),
            Stage("work", Manual(), Task("t1", "P1D"), Task("t2", "P1D"), Task("t3", "P1D"), Task("t4", "P1D"))) with
        {
            Praise = [new PraiseRule { When = new PraiseCondition { OnTimeStreak = 3 }, Message = "{streak} in a row, {rep}!" }],
        });
        var first = await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, null));
        var second = await world.CreateLeadAsync(pipeline.Id, Facts(pipeline, null));

        foreach (var task in new[] { "t1", "t2", "t3" })
        {
            await world.Lead(first.Id).CompleteTaskAsync(task, null, world.AnaActor);
            await world.Lead(first.Id).CompleteTaskAsync(task, null, world.AnaActor); // a repeat counts nothing
        }

        var afterThree = await world.Rep(world.Ana).GetStatsAsync();
        fixture.Time.Advance(TimeSpan.FromDays(2));
        await world.Lead(second.Id).CompleteTaskAsync("t1", null, world.AnaActor);
        var afterLate = await world.Rep(world.Ana).GetStatsAsync();

        Assert.Equal((1, 3, 3), (afterThree.Praise, afterThree.OnTimeStreak, afterThree.BestOnTimeStreak));
        Assert.Equal((1, 0, 3), (afterLate.Praise, afterLate.OnTimeStreak, afterLate.BestOnTimeStreak));
    }

    [Fact]
    public void Rules_PipelineWithItsOwnWonRule_KeepsItAndAddsTheOtherDefaults()
    {
        var pipeline = Pipeline("p", Stage("ask") with { Ask = true }) with
        {
            Praise = [new PraiseRule { When = new PraiseCondition { Won = true }, Message = "Mine" }],
        };

        var rules = Praise.Rules(pipeline);

        Assert.Equal("Mine", Assert.Single(rules, r => r.When.Won == true).Message);
        Assert.Contains(rules, r => r.When.StageExited == "ask" && r.When.ValueAtLeast == Praise.LargeLead);
        Assert.Contains(rules, r => r.When.OnTimeStreak == Praise.DefaultStreak);
    }
}
