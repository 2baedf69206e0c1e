using SalesCoach.Common;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Leads;

/// <summary>A stage's <c>staleAfter</c>: no activity that long and the lead goes to another rep by the rules.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StaleLeadTests(ClusterFixture fixture)
{
    /// <summary>Fires the lead's stale reminder now (business time is fake; the reminder runs on real time).</summary>
    private static Task FireAsync(ILeadGrain lead) => lead.AsReference<IRemindable>().ReceiveReminder(LeadGrain.StaleReminder, default);

    private static Task FlushAsync(IRepGrain rep) => rep.AsReference<IRemindable>().ReceiveReminder(RepGrain.AgendaReminder, default);

    private async Task<(World World, PipelineDefinition Pipeline)> SetUpAsync()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = Pipeline(Ids.New("p"), Stage("work", Manual(), Task("call", "P1D")) with { StaleAfter = "P7D" }, Stage("close", Manual()));
        pipeline = pipeline with
        {
            Assignment = [new AssignmentRule { To = new AssignmentTarget { Reps = [world.Ana, world.Bo] }, Strategy = "roundRobin" }],
        };
        return (world, await world.SavePipelineAsync(pipeline));
    }

    [Fact]
    public async Task Reminder_NoActivityForStaleAfter_ReassignedToAnotherRepAndOwnerAndManagerTold()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, owner: world.Ana);

        fixture.Time.Advance(TimeSpan.FromDays(7));
        await FireAsync(world.Lead(lead.Id));
        await FlushAsync(world.Rep(world.Ana));
        await FlushAsync(world.Rep(world.Manager));

        var after = (await world.Lead(lead.Id).GetAsync(Actor.System)).Value!;
        Assert.Equal(world.Bo, after.OwnerId);
        Assert.Equal(world.Bo, Assert.Single(after.Tasks, t => t.Id == "call").AssigneeId);
        Assert.DoesNotContain((await world.Rep(world.Ana).GetAgendaAsync()).Tasks, t => t.LeadId == lead.Id);
        Assert.Contains((await world.Rep(world.Bo).GetAgendaAsync()).Tasks, t => t.LeadId == lead.Id && t.TaskId == "call");
        Assert.Single(fixture.Notifier.SentTo(world.Ana), n => n.Kind == NotificationKind.Reassigned && n.LeadId == lead.Id);
        Assert.Single(fixture.Notifier.SentTo(world.Manager), n => n.Kind == NotificationKind.Reassigned && n.LeadId == lead.Id);
    }

    [Fact]
    public async Task Reminder_ActivityWithinStaleAfter_StaysWithTheOwner()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, owner: world.Ana);

        fixture.Time.Advance(TimeSpan.FromDays(5));
        await world.Lead(lead.Id).LogActivityAsync(new ActivityInput { Type = "call", Subject = "Checked in" }, world.AnaActor);
        fixture.Time.Advance(TimeSpan.FromDays(3));
        await FireAsync(world.Lead(lead.Id));

        Assert.Equal(world.Ana, (await world.Lead(lead.Id).GetAsync(Actor.System)).Value!.OwnerId);
    }

    [Fact]
    public async Task Reminder_OnlyOtherCandidateIsAway_StaysWithTheOwner()
    {
        var (world, pipeline) = await SetUpAsync();
        var bo = (await world.Rep(world.Bo).GetProfileAsync())!;
        await world.Rep(world.Bo).SaveProfileAsync(bo with { Away = true });
        var lead = await world.CreateLeadAsync(pipeline.Id, owner: world.Ana);

        fixture.Time.Advance(TimeSpan.FromDays(8));
        await FireAsync(world.Lead(lead.Id));

        Assert.Equal(world.Ana, (await world.Lead(lead.Id).GetAsync(Actor.System)).Value!.OwnerId);
    }

    [Fact]
    public async Task Save_BadStaleAfter_Rejected()
    {
        var world = new World(fixture);
        var pipeline = Pipeline(Ids.New("p"), Stage("work", Manual()) with { StaleAfter = "a week" });

        var outcome = await world.Grains.GetGrain<IPipelineGrain>(pipeline.Id).SaveAsync(pipeline, Actor.System);

        Assert.Contains(outcome.Problems, p => p.Path == "stages[0].staleAfter");
    }
}
