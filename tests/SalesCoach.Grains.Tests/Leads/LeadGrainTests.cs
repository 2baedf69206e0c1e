using SalesCoach.Common;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Leads;

[Collection(ClusterCollection.Name)]
public sealed class LeadGrainTests(ClusterFixture fixture)
{
    private async Task<(World World, PipelineDefinition Pipeline)> SetUpAsync(PipelineDefinition? pipeline = null)
    {
        var world = await new World(fixture).WithTeamAsync();
        return (world, await world.SavePipelineAsync(pipeline ?? Sales(Ids.New("p"))));
    }

    [Fact]
    public async Task CreateAsync_NewLead_EntersFirstStageAndFillsTheOwnersAgenda()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);

        Assert.Equal(("qualify", LeadStatus.Open, world.Ana, 1), (lead.Stage!.Id, lead.Status, lead.OwnerId, lead.PipelineVersion));
        var agenda = await world.Rep(world.Ana).GetAgendaAsync();
        Assert.Equal(
            [("research", fixture.Time.GetUtcNow().AddHours(4)), ("call", fixture.Time.GetUtcNow().AddDays(2))],
            agenda.Tasks.Where(t => t.LeadId == lead.Id).Select(t => (t.TaskId, t.DueAt)));
        Assert.Equal(1, await world.Rep(world.Ana).GetLoadAsync());
    }

    [Fact]
    public async Task CreateAsync_ValueAlreadySet_LeavesTheValueStageAtOnce()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Value = 20000 });

        Assert.Equal("meet", lead.Stage!.Id);
        Assert.Equal(StageExit.Goal, lead.History[0].Exit);
        var agenda = await world.Rep(world.Ana).GetAgendaAsync();
        Assert.Equal(["book"], agenda.Tasks.Where(t => t.LeadId == lead.Id).Select(t => t.TaskId));
    }

    [Fact]
    public async Task CreateAsync_SameCommandTwice_ReturnsTheSameLeadWithoutASecondEffect()
    {
        var (world, pipeline) = await SetUpAsync();
        var first = await world.CreateLeadAsync(pipeline.Id, leadId: "dup-" + pipeline.Id);
        var again = await world.Lead(first.Id).CreateAsync(
            new CreateLead { Facts = new LeadFacts { Name = "Acme" }, PipelineId = pipeline.Id, OwnerId = world.Ana }, world.AnaActor);

        Assert.Equal(OutcomeStatus.Ok, again.Status);
        Assert.Equal(first.Tasks.Select(t => t.DueAt), again.Value!.Tasks.Select(t => t.DueAt));
        Assert.Equal(1, await world.Rep(world.Ana).GetLoadAsync());
    }

    [Fact]
    public async Task CreateAsync_SameIdOtherFacts_IsAConflict()
    {
        var (world, pipeline) = await SetUpAsync();
        var first = await world.CreateLeadAsync(pipeline.Id);
        var other = await world.Lead(first.Id).CreateAsync(
            new CreateLead { Facts = new LeadFacts { Name = "Other" }, PipelineId = pipeline.Id }, world.AnaActor);
        Assert.Equal(OutcomeStatus.Conflict, other.Status);
    }

    [Fact]
    public async Task CreateAsync_BadFactsAndUnknownPipeline_ListsEveryProblemAndCreatesNothing()
    {
        var world = await new World(fixture).WithTeamAsync();
        var id = Ids.New("lead");
        var outcome = await world.Lead(id).CreateAsync(
            new CreateLead { Facts = new LeadFacts { Name = " ", Emails = ["not-an-email"], Value = -5 }, PipelineId = "no-such" }, world.AnaActor);

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Equal(["name", "emails[0]", "value", "pipelineId"], outcome.Problems.Select(p => p.Path));
        Assert.Equal(OutcomeStatus.NotFound, (await world.Lead(id).GetAsync(Actor.System)).Status);
    }

    [Fact]
    public async Task CreateAsync_NoPipelineGiven_RoutesByCriteria()
    {
        var world = await new World(fixture).WithTeamAsync();
        var a = await world.SavePipelineAsync(Sales(Ids.New("pa")));
        var b = await world.SavePipelineAsync(Sales(Ids.New("pb")));
        var outcome = await world.Lead(Ids.New("lead")).CreateAsync(
            new CreateLead { Facts = new LeadFacts { Name = "Acme", Product = b.Id }, OwnerId = world.Ana }, world.AnaActor);
        Assert.Equal(b.Id, outcome.Value!.PipelineId);
        Assert.NotEqual(a.Id, outcome.Value.PipelineId);
    }

    [Fact]
    public async Task CreateAsync_NoOwnerGiven_AssignsRoundRobinByTheRules()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Sales(Ids.New("rr")) with
        {
            Assignment = [new AssignmentRule { To = new AssignmentTarget { Reps = [world.Ana, world.Bo] }, Strategy = "roundRobin" }],
        });
        var owners = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var created = await world.Lead(Ids.New("lead")).CreateAsync(
                new CreateLead { Facts = new LeadFacts { Name = $"L{i}" }, PipelineId = pipeline.Id }, world.AnaActor);
            owners.Add(created.Value!.OwnerId);
        }

        Assert.Equal([world.Ana, world.Bo, world.Ana, world.Bo], owners);
    }

    [Fact]
    public async Task CreateAsync_LeastLoaded_GivesTheLeadToTheRepWithFewestOpenLeads()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Sales(Ids.New("ll")) with
        {
            Assignment = [new AssignmentRule { To = new AssignmentTarget { Team = world.Team }, Strategy = "leastLoaded" }],
        });
        await world.CreateLeadAsync(pipeline.Id, owner: world.Ana);
        await world.CreateLeadAsync(pipeline.Id, owner: world.Ana);
        await world.CreateLeadAsync(pipeline.Id, owner: world.Bo);

        var created = await world.Lead(Ids.New("lead")).CreateAsync(
            new CreateLead { Facts = new LeadFacts { Name = "Next" }, PipelineId = pipeline.Id }, world.AnaActor);
        Assert.Equal(world.Bo, created.Value!.OwnerId);
    }

    [Fact]
    public async Task CompleteTaskAsync_GoalTask_SkipsTheRestAndEntersTheNextStage()
    {
        var (world, pipeline) = await SetUpAsync(Pipeline(Ids.New("p"),
            Stage("a", TaskDone("one"), Task("one"), Task("two")), Stage("b", null, Task("three"))));
        var lead = await world.CreateLeadAsync(pipeline.Id);

        var done = await world.Lead(lead.Id).CompleteTaskAsync("one", null, world.AnaActor);

        Assert.Equal("b", done.Value!.Stage!.Id);
        Assert.Equal([LeadTaskStatus.Done, LeadTaskStatus.Skipped, LeadTaskStatus.Open], done.Value.Tasks.Select(t => t.Status));
        var agenda = await world.Rep(world.Ana).GetAgendaAsync();
        Assert.Equal(["three"], agenda.Tasks.Where(t => t.LeadId == lead.Id).Select(t => t.TaskId));
    }

    [Fact]
    public async Task CompleteTaskAsync_ByARepWithNoRightToIt_IsForbiddenAndChangesNothing()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);

        var refused = await world.Lead(lead.Id).CompleteTaskAsync("research", null, new Actor(world.Stranger));

        Assert.Equal(OutcomeStatus.Forbidden, refused.Status);
        var after = await world.Lead(lead.Id).GetAsync(Actor.System);
        Assert.All(after.Value!.Tasks, t => Assert.Equal(LeadTaskStatus.Open, t.Status));
    }

    [Fact]
    public async Task CompleteTaskAsync_ByTheOwnersManager_IsAllowed()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);
        var done = await world.Lead(lead.Id).CompleteTaskAsync("research", null, new Actor(world.Manager));
        Assert.Equal(world.Manager, done.Value!.Tasks.Single(t => t.Id == "research").DoneBy);
    }

    [Fact]
    public async Task CompleteTaskAsync_TeamTask_AnyMemberMayCompleteItAndItLeavesEveryAgenda()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"),
            Stage("a", TaskDone("triage"), Task("triage", assignee: $"team:{world.Team}")), Stage("b")));
        var lead = await world.CreateLeadAsync(pipeline.Id);
        Assert.Contains((await world.Rep(world.Bo).GetAgendaAsync()).Tasks, t => t.LeadId == lead.Id);
        Assert.Equal(OutcomeStatus.Forbidden, (await world.Lead(lead.Id).CompleteTaskAsync("triage", null, new Actor(world.Stranger))).Status);

        var done = await world.Lead(lead.Id).CompleteTaskAsync("triage", null, new Actor(world.Bo));

        Assert.Equal("b", done.Value!.Stage!.Id);
        Assert.DoesNotContain((await world.Rep(world.Bo).GetAgendaAsync()).Tasks, t => t.LeadId == lead.Id);
        Assert.DoesNotContain((await world.Rep(world.Ana).GetAgendaAsync()).Tasks, t => t.LeadId == lead.Id);
    }

    [Fact]
    public async Task CompleteTaskAsync_SkippedTask_IsAConflictAndUnknownTaskIsNotFound()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);
        await world.Lead(lead.Id).UpdateFactsAsync(new LeadFactsPatch { Value = 10 }, world.AnaActor);

        Assert.Equal(OutcomeStatus.Conflict, (await world.Lead(lead.Id).CompleteTaskAsync("research", null, world.AnaActor)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await world.Lead(lead.Id).CompleteTaskAsync("nope", null, world.AnaActor)).Status);
    }

    [Fact]
    public async Task LogActivityAsync_MatchingActivity_MeetsTheGoalAndARepeatAddsNothing()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Value = 5 });
        await world.Lead(lead.Id).LogActivityAsync(new ActivityInput { Type = "meeting" }, world.AnaActor);
        var email = new ActivityInput { Type = "email", Direction = "out", Tags = ["proposal"], ExternalId = "<abc@mail>" };

        var first = await world.Lead(lead.Id).LogActivityAsync(email, world.AnaActor);
        var again = await world.Lead(lead.Id).LogActivityAsync(email, world.AnaActor);

        Assert.Equal("close", first.Value!.Stage!.Id);
        Assert.Equal(2, again.Value!.Activities.Count);
        Assert.Equal(first.Value.History.Count, again.Value.History.Count);
    }

    [Fact]
    public async Task LogActivityAsync_EmailWithoutTheTag_DoesNotMeetAProposalGoal()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Value = 5 });
        await world.Lead(lead.Id).LogActivityAsync(new ActivityInput { Type = "meeting" }, world.AnaActor);
        var logged = await world.Lead(lead.Id).LogActivityAsync(new ActivityInput { Type = "email", Direction = "out" }, world.AnaActor);
        Assert.Equal("propose", logged.Value!.Stage!.Id);
    }

    [Fact]
    public async Task AdvanceAsync_ManualGoal_IsConfirmedAndTheRepeatOfTheOperationMovesOnce()
    {
        var (world, pipeline) = await SetUpAsync(Pipeline(Ids.New("p"), Stage("a", Manual()), Stage("b", Manual()), Stage("c")));
        var lead = await world.CreateLeadAsync(pipeline.Id);

        var first = await world.Lead(lead.Id).AdvanceAsync(null, "op-1", world.AnaActor);
        var repeat = await world.Lead(lead.Id).AdvanceAsync(null, "op-1", world.AnaActor);

        Assert.Equal("b", first.Value!.Stage!.Id);
        Assert.Equal("b", repeat.Value!.Stage!.Id);
        Assert.Equal(StageExit.Goal, repeat.Value.History[0].Exit);
    }

    [Fact]
    public async Task AdvanceAsync_ToANamedStage_MovesByHand()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);
        var moved = await world.Lead(lead.Id).AdvanceAsync("propose", null, world.AnaActor);

        Assert.Equal("propose", moved.Value!.Stage!.Id);
        Assert.Equal(StageExit.Manual, moved.Value.History[0].Exit);
        Assert.Equal(["draft"], (await world.Rep(world.Ana).GetAgendaAsync()).Tasks.Where(t => t.LeadId == lead.Id).Select(t => t.TaskId));
    }

    [Fact]
    public async Task AdvanceAsync_LastStage_IsAConflictAndUnknownStageIsInvalid()
    {
        var (world, pipeline) = await SetUpAsync(Pipeline(Ids.New("p"), Stage("a", Manual()), Stage("b", FieldSet("value"))));
        var lead = await world.CreateLeadAsync(pipeline.Id);
        await world.Lead(lead.Id).AdvanceAsync(null, null, world.AnaActor);

        Assert.Equal(OutcomeStatus.Conflict, (await world.Lead(lead.Id).AdvanceAsync(null, null, world.AnaActor)).Status);
        Assert.Equal(OutcomeStatus.Invalid, (await world.Lead(lead.Id).AdvanceAsync("nowhere", null, world.AnaActor)).Status);
    }

    [Fact]
    public async Task WinAsync_ClosesTheLeadEmptiesTheAgendaAndFreesTheOwner()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);

        var won = await world.Lead(lead.Id).WinAsync(12000, null, world.AnaActor);
        var wonAgain = await world.Lead(lead.Id).WinAsync(12000, null, world.AnaActor);
        var lost = await world.Lead(lead.Id).LoseAsync("price", null, world.AnaActor);

        Assert.Equal((LeadStatus.Won, 12000m), (won.Value!.Status, won.Value.Outcome!.Amount!.Value));
        Assert.Equal(OutcomeStatus.Ok, wonAgain.Status);
        Assert.Equal(OutcomeStatus.Conflict, lost.Status);
        Assert.DoesNotContain((await world.Rep(world.Ana).GetAgendaAsync()).Tasks, t => t.LeadId == lead.Id);
        Assert.Equal(0, await world.Rep(world.Ana).GetLoadAsync());
    }

    [Fact]
    public async Task LoseAsync_ByAStranger_IsForbidden()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);
        Assert.Equal(OutcomeStatus.Forbidden, (await world.Lead(lead.Id).LoseAsync("no", null, new Actor(world.Stranger))).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await world.Lead(lead.Id).GetAsync(new Actor(world.Stranger))).Status);
        Assert.Equal(OutcomeStatus.Ok, (await world.Lead(lead.Id).LoseAsync("no", null, new Actor("someone", IsAdmin: true))).Status);
    }

    [Fact]
    public async Task UpdateFactsAsync_EmailsChange_TheEmailIndexFollows()
    {
        var (world, pipeline) = await SetUpAsync();
        var old = $"{Ids.New("old")}@acme.example";
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Emails = [old.ToUpperInvariant()] });
        Assert.Contains(lead.Id, await world.Grains.GetGrain<ILeadEmailIndexGrain>(old).ListAsync());

        var fresh = $"{Ids.New("new")}@acme.example";
        await world.Lead(lead.Id).UpdateFactsAsync(new LeadFactsPatch { Emails = [fresh] }, world.AnaActor);

        Assert.DoesNotContain(lead.Id, await world.Grains.GetGrain<ILeadEmailIndexGrain>(old).ListAsync());
        Assert.Contains(lead.Id, await world.Grains.GetGrain<ILeadEmailIndexGrain>(fresh).ListAsync());
    }

    [Fact]
    public async Task UpdateFactsAsync_InvalidPatch_ChangesNothing()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);
        var refused = await world.Lead(lead.Id).UpdateFactsAsync(new LeadFactsPatch { Value = 5, Currency = "euro" }, world.AnaActor);

        Assert.Equal(["currency"], refused.Problems.Select(p => p.Path));
        var after = (await world.Lead(lead.Id).GetAsync(world.AnaActor)).Value!;
        Assert.Equal(("qualify", (decimal?)null), (after.Stage!.Id, after.Value));
    }

    [Fact]
    public async Task GetAsync_AfterDeactivation_ReadsTheSameLeadFromStorage()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Value = 7 });
        await fixture.Cluster.Client.GetGrain<Orleans.Runtime.IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var reread = (await world.Lead(lead.Id).GetAsync(world.AnaActor)).Value!;
        Assert.Equal(lead.History.Select(h => (h.StageId, h.Exit)), reread.History.Select(h => (h.StageId, h.Exit)));
        Assert.Equal(lead.Tasks.Select(t => (t.Id, t.Status)), reread.Tasks.Select(t => (t.Id, t.Status)));
    }
}
