using SalesCoach.Common;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using SalesCoach.Reps;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Leads;

/// <summary>What reps hear from a lead as it moves: stage guidance, prompts for tasks given to them, snoozes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LeadNotificationTests(ClusterFixture fixture)
{
    /// <summary>Sends what waits in the rep's outbox now (as the reminder does), so the test need not wait for the send timer.</summary>
    private static Task FlushAsync(IRepGrain rep) => rep.AsReference<IRemindable>().ReceiveReminder(RepGrain.AgendaReminder, default);

    [Fact]
    public async Task CreateAsync_LeadEntersAStage_TheOwnerGetsItsGuidanceOnce()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Sales(Ids.New("p")));
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Value = 10 });

        await FlushAsync(world.Rep(world.Ana));
        await FlushAsync(world.Rep(world.Ana));

        // Created with a value, it passed "qualify" at once: only the stage it is in now is worth a card.
        var guidance = Assert.Single(fixture.Notifier.SentTo(world.Ana), n => n.Kind == NotificationKind.StageGuidance && n.LeadId == lead.Id);
        Assert.Equal(("meet", "Meet", "How to do meet", "book"), (guidance.StageId, guidance.StageName, guidance.Guidance, guidance.Tasks.Single().TaskId));
        Assert.Equal("meeting", guidance.Goal!.Activity!.Type);
    }

    [Fact]
    public async Task CreateAsync_TaskForAnotherRep_ThatRepGetsAPromptAndTheOwnerDoesNot()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"),
            Stage("a", Manual(), Task("research", "PT2H", $"rep:{world.Bo}"), Task("call", "P1D"))));
        var lead = await world.CreateLeadAsync(pipeline.Id);

        await FlushAsync(world.Rep(world.Bo));
        await FlushAsync(world.Rep(world.Ana));

        var prompt = Assert.Single(fixture.Notifier.SentTo(world.Bo), n => n.LeadId == lead.Id);
        Assert.Equal((NotificationKind.TaskAssigned, "research"), (prompt.Kind, prompt.Tasks.Single().TaskId));
        Assert.DoesNotContain(fixture.Notifier.SentTo(world.Ana), n => n.Kind == NotificationKind.TaskAssigned && n.LeadId == lead.Id);
    }

    [Fact]
    public async Task SnoozeTaskAsync_NewDueTime_MovesTheTaskOnTheAgenda()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Sales(Ids.New("p")));
        var lead = await world.CreateLeadAsync(pipeline.Id);
        var until = fixture.Time.GetUtcNow().AddDays(3);

        var snoozed = await world.Lead(lead.Id).SnoozeTaskAsync("research", until, "snooze-1", world.AnaActor);

        Assert.Equal(until, snoozed.Value!.Tasks.Single(t => t.Id == "research").DueAt);
        var agenda = await world.Rep(world.Ana).GetAgendaAsync();
        Assert.Equal(until, agenda.Tasks.Single(t => t.LeadId == lead.Id && t.TaskId == "research").DueAt);
    }

    [Fact]
    public async Task SnoozeTaskAsync_IntoThePastOrByAStranger_IsRefused()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Sales(Ids.New("p")));
        var lead = await world.CreateLeadAsync(pipeline.Id);

        var past = await world.Lead(lead.Id).SnoozeTaskAsync("research", fixture.Time.GetUtcNow().AddMinutes(-1), null, world.AnaActor);
        var stranger = await world.Lead(lead.Id).SnoozeTaskAsync("research", fixture.Time.GetUtcNow().AddDays(1), null, new Actor(world.Stranger));

        Assert.Equal((OutcomeStatus.Invalid, OutcomeStatus.Forbidden), (past.Status, stranger.Status));
    }

    [Fact]
    public async Task FindLeadsAsync_ByNameOrId_FindsTheRepsOwnLeadsBestFirst()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Sales(Ids.New("p")));
        var acme = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme" });
        var acmeWest = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme West" });
        await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Initech" }, owner: world.Bo);

        var found = await world.Rep(world.Ana).FindLeadsAsync("acme");

        Assert.Equal([acme.Id, acmeWest.Id], found.Select(l => l.Id));
        Assert.Empty(await world.Rep(world.Ana).FindLeadsAsync("initech"));
    }
}
