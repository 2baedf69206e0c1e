using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Contract;
using SalesCoach.Api.Tests.Infrastructure;
using static SalesCoach.Api.Tests.Infrastructure.PipelineBuilder;

namespace SalesCoach.Api.Tests.Api;

/// <summary><c>/api/leads</c>: creation, routing, assignment and every stage command (API.md "Leads" and the pipeline rules).</summary>
[Collection(HostCollection.Name)]
public sealed class LeadsApiTests(SalesCoachHostFixture host)
{
    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    private HttpClient Ana => host.As("ana");

    private DateTimeOffset Now => host.Clock.GetUtcNow();

    [Fact]
    public async Task Create_NewLead_Returns201WithLocationFirstStageAndDueDates()
    {
        var pipeline = await SavedAsync(Sales());
        var id = UniqueId.New("lead");
        var now = Now;

        using var response = await Ana.CreateLeadAsync(pipeline.Lead(id));

        Assert.Equal($"/api/leads/{id}", response.Headers.Location?.OriginalString);
        var lead = await response.ReadAsync<LeadDto>(HttpStatusCode.Created);
        Assert.Equal((id, $"Lead {id}", "open", "ana", pipeline.Id, 1), (lead.Id, lead.Name, lead.Status, lead.OwnerId, lead.PipelineId, lead.PipelineVersion));
        Assert.Equal(("qualify", "Stage qualify", "How to do qualify", now), (lead.Stage.Id, lead.Stage.Name, lead.Stage.Guidance, lead.Stage.EnteredAt));
        Assert.Equal([new StageVisitDto("qualify", now, null, null)], lead.History);
        Assert.Equal(
            [new TaskDto("call", "qualify", "Do call", "open", now.AddDays(1), "ana", null), new TaskDto("research", "qualify", "Do research", "open", now.AddHours(4), "ana", null)],
            lead.Tasks);
        Assert.Empty(lead.Activities);
        Assert.Null(lead.Outcome);
    }

    [Fact]
    public async Task Create_SameIdAndSameBodyAgain_Returns200WithTheSameLead()
    {
        var pipeline = await SavedAsync(Sales());
        var id = UniqueId.New("lead");
        var first = await (await Ana.CreateLeadAsync(pipeline.Lead(id))).ShouldBeAsync(HttpStatusCode.Created);
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await (await Ana.CreateLeadAsync(pipeline.Lead(id))).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Create_SameIdOtherBody_Returns409AndKeepsTheFirst()
    {
        var pipeline = await SavedAsync(Sales());
        var id = UniqueId.New("lead");
        await Ana.NewLeadAsync(pipeline.Lead(id));

        using var response = await Ana.CreateLeadAsync(pipeline.Lead(id, value: 999));

        await response.ReadErrorsAsync(HttpStatusCode.Conflict);
        Assert.Null((await Ana.LeadAsync(id)).Value);
    }

    [Fact]
    public async Task Create_WithValueAlreadySet_LeavesFieldSetStageAtOnce()
    {
        var pipeline = await SavedAsync(New()
            .Stage("qualify", FieldSet("value"), Task("research", "PT4H"))
            .Stage("meet", Activity("meeting"), Task("book", "P2D"))
            .Stage("close", null));
        var now = Now;

        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), value: 5000));

        Assert.Equal("meet", lead.Stage.Id);
        Assert.Equal([new StageVisitDto("qualify", now, now, "goal"), new StageVisitDto("meet", now, null, null)], lead.History);
        Assert.Equal("skipped", lead.Task("research").Status);
        Assert.Equal(("open", now.AddDays(2)), (lead.Task("book").Status, lead.Task("book").DueAt));
    }

    [Fact]
    public async Task Create_GoalsMetOneAfterAnother_AdvancesAsFarAsGoalsAllow()
    {
        var pipeline = await SavedAsync(New()
            .Stage("value", FieldSet("value"))
            .Stage("contact", FieldSet("emails"))
            .Stage("meet", Activity("meeting"))
            .Stage("close", null));

        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), value: 10, emails: ["a@b.example"]));

        Assert.Equal("meet", lead.Stage.Id);
        Assert.Equal(["goal", "goal", null], lead.History.Select(v => v.Exit));
    }

    [Fact]
    public async Task Create_WithoutPipelineId_RoutesToTheFirstPipelineWhoseCriteriaMatch()
    {
        await NarrowSamplePipelineAsync();
        var territory = UniqueId.New("territory");
        var byProduct = await SavedAsync(Sales());
        var byTerritory = await SavedAsync(Sales().Criteria(new { territories = new[] { territory }, valueAtLeast = 1000 }));

        var first = await Ana.NewLeadAsync(new { name = "Routed by product", product = byProduct.Id });
        var second = await Ana.NewLeadAsync(new { name = "Routed by territory", territory, value = 5000 });

        Assert.Equal(byProduct.Id, first.PipelineId);
        Assert.Equal(byTerritory.Id, second.PipelineId);
    }

    [Fact]
    public async Task Create_NoPipelineCriteriaMatch_Returns400OnPipelineId()
    {
        await NarrowSamplePipelineAsync();
        var territory = UniqueId.New("territory");
        await SavedAsync(Sales().Criteria(new { territories = new[] { territory }, valueAtLeast = 1000 }));
        var id = UniqueId.New("lead");

        using var response = await Ana.CreateLeadAsync(new { id, name = "Too small", territory, value = 10 });

        Assert.Contains("pipelineId", (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
        await (await Admin.GetLeadAsync(id)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_UnknownPipelineId_Returns400OnPipelineId()
    {
        using var response = await Ana.CreateLeadAsync(new { name = "Nowhere", pipelineId = UniqueId.New("missing") });

        Assert.Contains("pipelineId", (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task Create_EmptyPipelineId_Returns400OnPipelineId()
    {
        using var response = await Ana.CreateLeadAsync(new { name = "Nowhere", pipelineId = "" });

        Assert.Contains("pipelineId", (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task Create_EmptyOwnerId_Returns400OnOwnerId()
    {
        var pipeline = await SavedAsync(Sales());
        var id = UniqueId.New("lead");

        using var response = await Admin.CreateLeadAsync(pipeline.Lead(id, ownerId: ""));

        Assert.Contains("ownerId", (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
        await (await Admin.GetLeadAsync(id)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_InvalidFacts_Returns400ListingEveryProblemAndCreatesNothing()
    {
        var pipeline = await SavedAsync(Sales());
        var id = UniqueId.New("lead");

        using var response = await Ana.CreateLeadAsync(new { id, name = " ", emails = new[] { "not-an-email" }, value = -1, currency = "euro", pipelineId = pipeline.Id });

        var paths = (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path).ToList();
        Assert.All(new[] { "name", "emails[0]", "value", "currency" }, path => Assert.Contains(path, paths));
        await (await Admin.GetLeadAsync(id)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_InvalidId_Returns400OnId()
    {
        var pipeline = await SavedAsync(Sales());

        using var response = await Ana.CreateLeadAsync(pipeline.Lead("not a valid id!"));

        Assert.Equal(["id"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task Create_WithoutId_Returns201WithAGeneratedId()
    {
        var pipeline = await SavedAsync(Sales());

        using var response = await Ana.CreateLeadAsync(new { name = "No id", pipelineId = pipeline.Id });

        var location = response.Headers.Location?.OriginalString;
        var lead = await response.ReadAsync<LeadDto>(HttpStatusCode.Created);
        Assert.False(string.IsNullOrWhiteSpace(lead.Id));
        Assert.Equal($"/api/leads/{lead.Id}", location);
        Assert.Equal(lead.Id, (await Ana.LeadAsync(lead.Id)).Id);
    }

    [Fact]
    public async Task Create_WithoutOwnerId_AssignsRoundRobinAcrossCreates()
    {
        var pipeline = await SavedAsync(Sales().Assign(new { to = new { reps = new[] { "bo", "chen" } }, strategy = "roundRobin" }));

        var owners = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            owners.Add((await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: null))).OwnerId);
        }

        Assert.Equal(["bo", "chen", "bo", "chen"], owners);
    }

    [Fact]
    public async Task Create_WithoutOwnerId_FirstMatchingAssignmentRuleWins()
    {
        var pipeline = await SavedAsync(Sales()
            .Assign(new { when = new { valueAtLeast = 50000 }, to = new { reps = new[] { "chen" } } })
            .Assign(new { to = new { team = "nordics" }, strategy = "roundRobin" }));

        var big = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: null, value: 60000));
        var small = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: null, value: 100));

        Assert.Equal("chen", big.OwnerId);
        Assert.Equal("ana", small.OwnerId); // the first of the team's members
    }

    [Fact]
    public async Task Create_NoAssignmentRuleMatches_TheCallerOwnsTheLead()
    {
        var pipeline = await SavedAsync(Sales().Assign(new { when = new { territory = "APAC" }, to = new { reps = new[] { "chen" } } }));

        var lead = await host.As("bo").NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: null));

        Assert.Equal("bo", lead.OwnerId);
    }

    [Fact]
    public async Task Create_PipelineChangedLater_LeadKeepsTheVersionItStartedWith()
    {
        var pipeline = await SavedAsync(Sales());
        var older = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        await Admin.SavePipelineAsync(pipeline.Stage("extra", null));

        var newer = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        using var jumpOnOlder = await Ana.AdvanceAsync(older.Id, stageId: "extra");
        using var jumpOnNewer = await Ana.AdvanceAsync(newer.Id, stageId: "extra");

        Assert.Equal((1, 2), (older.PipelineVersion, newer.PipelineVersion));
        Assert.Equal(["stageId"], (await jumpOnOlder.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
        Assert.Equal("extra", (await jumpOnNewer.ReadAsync<LeadDto>()).Stage.Id);
        Assert.Equal(1, (await Ana.LeadAsync(older.Id)).PipelineVersion);
    }

    [Fact]
    public async Task CompleteTask_BlankBody_CompletesIt()
    {
        // The body of a command is optional (it carries only an operation id): whitespace is no body.
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        using var response = await Ana.PostAsync($"/api/leads/{lead.Id}/tasks/call/complete", new StringContent(" \n", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("done", (await response.ReadAsync<LeadDto>()).Task("call").Status);
    }

    [Fact]
    public async Task CompleteTask_GoalTask_AdvancesAndSkipsTheStagesOtherOpenTasks()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        var created = Now;
        host.Clock.Advance(TimeSpan.FromHours(1));
        var completed = Now;

        var after = await (await Ana.CompleteTaskAsync(lead.Id, "call")).ReadAsync<LeadDto>();

        Assert.Equal(("meet", completed), (after.Stage.Id, after.Stage.EnteredAt));
        Assert.Equal(("done", "ana"), (after.Task("call").Status, after.Task("call").DoneBy));
        Assert.Equal("skipped", after.Task("research").Status);
        Assert.Equal(new TaskDto("book", "meet", "Do book", "open", completed.AddDays(2), "ana", null), after.Task("book"));
        Assert.Equal([new StageVisitDto("qualify", created, completed, "goal"), new StageVisitDto("meet", completed, null, null)], after.History);
        Assert.Equal("meet", (await Ana.LeadAsync(lead.Id)).Stage.Id);
    }

    [Fact]
    public async Task CompleteTask_TaskThatIsNotTheGoal_StaysInTheStage()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        var after = await (await Ana.CompleteTaskAsync(lead.Id, "research")).ReadAsync<LeadDto>();

        Assert.Equal("qualify", after.Stage.Id);
        Assert.Equal(("done", "open"), (after.Task("research").Status, after.Task("call").Status));
    }

    [Fact]
    public async Task CompleteTask_AllTasksCompletedGoal_AdvancesOnlyAfterTheLastTask()
    {
        var pipeline = await SavedAsync(New()
            .Stage("prepare", null, Task("one"), Task("two"))
            .Stage("close", null));
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        var afterOne = await (await Ana.CompleteTaskAsync(lead.Id, "one")).ReadAsync<LeadDto>();
        var afterTwo = await (await Ana.CompleteTaskAsync(lead.Id, "two")).ReadAsync<LeadDto>();

        Assert.Equal("prepare", afterOne.Stage.Id);
        Assert.Equal("close", afterTwo.Stage.Id);
        Assert.Equal("goal", afterTwo.History[0].Exit);
    }

    [Fact]
    public async Task CompleteTask_SkippedTask_Returns409()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        await (await Ana.CompleteTaskAsync(lead.Id, "call")).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await Ana.CompleteTaskAsync(lead.Id, "research");

        await response.ReadErrorsAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CompleteTask_UnknownTask_Returns404()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        using var response = await Ana.CompleteTaskAsync(lead.Id, "no-such-task");

        await response.ReadErrorsAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LogActivity_GoalWithDirectionAndTag_IsMetOnlyByAMatchingActivity()
    {
        var pipeline = await SavedAsync(New()
            .Stage("propose", Activity("email", "out", "proposal"))
            .Stage("close", null));
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        var inbound = await (await Ana.LogActivityAsync(lead.Id, new { type = "email", direction = "in", tags = new[] { "proposal" } })).ReadAsync<LeadDto>();
        var untagged = await (await Ana.LogActivityAsync(lead.Id, new { type = "email", direction = "out", tags = new[] { "agenda" } })).ReadAsync<LeadDto>();
        var meeting = await (await Ana.LogActivityAsync(lead.Id, new { type = "meeting", direction = "out", tags = new[] { "proposal" } })).ReadAsync<LeadDto>();
        var proposal = await (await Ana.LogActivityAsync(lead.Id, new { type = "email", direction = "out", subject = "Our offer", tags = new[] { "proposal" } })).ReadAsync<LeadDto>();

        Assert.Equal(["propose", "propose", "propose", "close"], new[] { inbound, untagged, meeting, proposal }.Select(l => l.Stage.Id));
        Assert.Equal("goal", proposal.History[0].Exit);
        var logged = proposal.Activities[^1];
        Assert.Equal(("email", "out", "Our offer", "propose", Now), (logged.Type, logged.Direction, logged.Subject, logged.StageId, logged.At));
        Assert.Equal(["proposal"], logged.Tags);
        Assert.Equal(4, proposal.Activities.Count);
    }

    [Fact]
    public async Task LogActivity_RepeatedExternalId_AddsNothing()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        var activity = new { type = "call", direction = "out", subject = "Intro", externalId = "msg-1" };
        await (await Ana.LogActivityAsync(lead.Id, activity)).ShouldBeAsync(HttpStatusCode.OK);

        var repeated = await (await Ana.LogActivityAsync(lead.Id, activity)).ReadAsync<LeadDto>();
        var other = await (await Ana.LogActivityAsync(lead.Id, activity with { externalId = "msg-2" })).ReadAsync<LeadDto>();

        Assert.Equal(["msg-1"], repeated.Activities.Select(a => a.ExternalId));
        Assert.Equal(["msg-1", "msg-2"], other.Activities.Select(a => a.ExternalId));
    }

    [Fact]
    public async Task LogActivity_MeetingOnTheMeetingStage_Advances()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        await (await Ana.CompleteTaskAsync(lead.Id, "call")).ShouldBeAsync(HttpStatusCode.OK);

        var after = await (await Ana.LogActivityAsync(lead.Id, new { type = "meeting" })).ReadAsync<LeadDto>();

        Assert.Equal("propose", after.Stage.Id);
        Assert.Equal("skipped", after.Task("book").Status);
    }

    [Fact]
    public async Task LogActivity_InvalidActivity_Returns400ListingEveryProblem()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        using var response = await Ana.LogActivityAsync(lead.Id, new { type = "lunch", direction = "sideways", tags = new[] { " " } });

        var paths = (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path).ToList();
        Assert.All(new[] { "type", "direction", "tags[0]" }, path => Assert.Contains(path, paths));
        Assert.Empty((await Ana.LeadAsync(lead.Id)).Activities);
    }

    [Fact]
    public async Task Advance_StageWithManualGoal_ConfirmsItAndExitsWithGoal()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        await (await Ana.AdvanceAsync(lead.Id, stageId: "propose")).ShouldBeAsync(HttpStatusCode.OK);

        var after = await (await Ana.AdvanceAsync(lead.Id)).ReadAsync<LeadDto>();

        Assert.Equal("close", after.Stage.Id);
        Assert.Equal(["manual", "goal", null], after.History.Select(v => v.Exit));
        Assert.Equal(["qualify", "propose", "close"], after.History.Select(v => v.StageId));
    }

    [Fact]
    public async Task Advance_ToAStageId_JumpsAndRecordsAManualExit()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        var now = Now;

        var after = await (await Ana.AdvanceAsync(lead.Id, stageId: "close")).ReadAsync<LeadDto>();

        Assert.Equal("close", after.Stage.Id);
        Assert.Equal(new StageVisitDto("qualify", lead.Stage.EnteredAt, now, "manual"), after.History[0]);
        Assert.Equal(("skipped", "skipped"), (after.Task("call").Status, after.Task("research").Status));
        Assert.Equal(("open", now.AddDays(5)), (after.Task("contract").Status, after.Task("contract").DueAt));
    }

    [Fact]
    public async Task Advance_GoalNotMetAndNoManualGoal_MovesToTheNextStageByHand()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        var after = await (await Ana.AdvanceAsync(lead.Id)).ReadAsync<LeadDto>();

        Assert.Equal("meet", after.Stage.Id);
        Assert.Equal("manual", after.History[0].Exit);
    }

    [Fact]
    public async Task Advance_OnTheLastStage_Returns409AndStays()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        await (await Ana.AdvanceAsync(lead.Id, stageId: "close")).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await Ana.AdvanceAsync(lead.Id);

        await response.ReadErrorsAsync(HttpStatusCode.Conflict);
        var after = await Ana.LeadAsync(lead.Id);
        Assert.Equal(("close", "open", 2), (after.Stage.Id, after.Status, after.History.Count));
    }

    [Fact]
    public async Task Advance_OnALastStageWhoseGoalIsManual_Returns409AndStays()
    {
        var pipeline = await SavedAsync(New()
            .Stage("qualify", TaskDone("call"), Task("call"))
            .Stage("close", null)); // no goal and no tasks: the default goal is a manual confirm
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        await (await Ana.CompleteTaskAsync(lead.Id, "call")).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await Ana.AdvanceAsync(lead.Id);

        await response.ReadErrorsAsync(HttpStatusCode.Conflict);
        var after = await Ana.LeadAsync(lead.Id);
        Assert.Equal(("close", "open", 2), (after.Stage.Id, after.Status, after.History.Count));
    }

    [Fact]
    public async Task Advance_UnknownStageId_Returns400OnStageId()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        using var response = await Ana.AdvanceAsync(lead.Id, stageId: "nowhere");

        Assert.Equal(["stageId"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task Advance_SameOperationIdTwice_MovesOnlyOnce()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        var operationId = UniqueId.New("op");

        var first = await (await Ana.AdvanceAsync(lead.Id, operationId: operationId)).ShouldBeAsync(HttpStatusCode.OK);
        var second = await (await Ana.AdvanceAsync(lead.Id, operationId: operationId)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(first, second);
        Assert.Equal(["qualify", "meet"], (await Ana.LeadAsync(lead.Id)).History.Select(v => v.StageId));
    }

    [Fact]
    public async Task Advance_JumpRepeatedWithSameOperationId_EntersTheStageOnce()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        var operationId = UniqueId.New("op");

        await (await Ana.AdvanceAsync(lead.Id, "meet", operationId)).ShouldBeAsync(HttpStatusCode.OK);
        var repeated = await (await Ana.AdvanceAsync(lead.Id, "meet", operationId)).ReadAsync<LeadDto>();

        Assert.Equal(["qualify", "meet"], repeated.History.Select(v => v.StageId));
        Assert.Single(repeated.Tasks, t => t.Id == "book");
    }

    [Fact]
    public async Task CompleteTask_SameOperationIdOnAnotherTask_ReturnsTheLeadUnchanged()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        var operationId = UniqueId.New("op");
        var first = await (await Ana.CompleteTaskAsync(lead.Id, "research", operationId)).ShouldBeAsync(HttpStatusCode.OK);

        var repeat = await (await Ana.CompleteTaskAsync(lead.Id, "research", operationId)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(first, repeat);
    }

    [Fact]
    public async Task Won_OpenLead_ClosesAsWonWithTheAmount()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        var now = Now;

        var won = await (await Ana.WonAsync(lead.Id, 12000)).ReadAsync<LeadDto>();

        Assert.Equal("won", won.Status);
        Assert.Equal(new OutcomeDto("won", 12000, null, now, "ana"), won.Outcome);
        Assert.Equal(new StageVisitDto("qualify", lead.Stage.EnteredAt, now, "won"), won.History[^1]);
        Assert.All(won.Tasks, t => Assert.Equal("skipped", t.Status));
        Assert.Equal("won", (await Ana.LeadAsync(lead.Id)).Status);
    }

    [Fact]
    public async Task Lost_OpenLead_ClosesAsLostWithTheReason()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        var lost = await (await Ana.LostAsync(lead.Id, "went with a competitor")).ReadAsync<LeadDto>();

        Assert.Equal(("lost", "lost", "went with a competitor"), (lost.Status, lost.Outcome?.Status, lost.Outcome?.Reason));
        Assert.Equal("lost", lost.History[^1].Exit);
    }

    [Fact]
    public async Task Lost_AfterWon_Returns409AndStaysWon()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        await (await Ana.WonAsync(lead.Id, 500)).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await Ana.LostAsync(lead.Id, "changed our mind");

        await response.ReadErrorsAsync(HttpStatusCode.Conflict);
        var after = await Ana.LeadAsync(lead.Id);
        Assert.Equal(("won", 500m), (after.Status, after.Outcome?.Amount));
    }

    [Fact]
    public async Task Advance_AfterLost_Returns409()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
        await (await Ana.LostAsync(lead.Id, "no budget")).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await Ana.AdvanceAsync(lead.Id);

        await response.ReadErrorsAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Won_WithoutAmount_Returns400OnAmount()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        using var response = await Ana.PostAsync($"/api/leads/{lead.Id}/won", ApiJson.Content(new { operationId = "x" }));

        Assert.Equal(["amount"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
        Assert.Equal("open", (await Ana.LeadAsync(lead.Id)).Status);
    }

    [Fact]
    public async Task Lost_WithoutReason_Returns400OnReason()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        using var response = await Ana.LostAsync(lead.Id, " ");

        Assert.Equal(["reason"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task FindByEmail_AddressInAnotherCase_ReturnsTheLead()
    {
        var pipeline = await SavedAsync(Sales());
        var domain = UniqueId.New("acme");
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), emails: [$"CTO@{domain}.Example"]));

        var lower = await (await Ana.FindLeadsAsync($"cto@{domain}.example")).ReadAsync<List<LeadDto>>();
        var upper = await (await Ana.FindLeadsAsync($"CTO@{domain.ToUpperInvariant()}.EXAMPLE")).ReadAsync<List<LeadDto>>();

        Assert.Equal([lead.Id], lower.Select(l => l.Id));
        Assert.Equal([lead.Id], upper.Select(l => l.Id));
    }

    [Fact]
    public async Task FindByEmail_UnknownAddress_ReturnsAnEmptyList()
    {
        var found = await (await Ana.FindLeadsAsync($"{UniqueId.New("nobody")}@nowhere.example")).ReadAsync<List<LeadDto>>();

        Assert.Empty(found);
    }

    [Fact]
    public async Task FindByEmail_NoAddress_Returns400OnEmail()
    {
        using var response = await Ana.GetAsync("/api/leads");

        Assert.Equal(["email"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task Patch_Facts_ReturnsAndKeepsTheNewFacts()
    {
        var pipeline = await SavedAsync(Sales());
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        var patched = await (await Ana.PatchLeadAsync(lead.Id, new { company = "Acme Group", territory = "EMEA", source = "web", currency = "EUR" }))
            .ReadAsync<LeadDto>();

        var stored = await Ana.LeadAsync(lead.Id);
        foreach (var view in new[] { patched, stored })
        {
            Assert.Equal(("Acme Group", "EMEA", "web", "EUR"), (view.Company, view.Territory, view.Source, view.Currency));
            Assert.Equal((lead.Name, lead.Product), (view.Name, view.Product));
        }
    }

    [Fact]
    public async Task Patch_ValueOnAFieldSetStage_MeetsTheGoal()
    {
        var pipeline = await SavedAsync(New()
            .Stage("qualify", FieldSet("value"), Task("research", "PT4H"))
            .Stage("close", null));
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));

        var after = await (await Ana.PatchLeadAsync(lead.Id, new { value = 25000 })).ReadAsync<LeadDto>();

        Assert.Equal(("qualify", "close"), (lead.Stage.Id, after.Stage.Id));
        Assert.Equal((25000m, "goal", "skipped"), (after.Value, after.History[0].Exit, after.Task("research").Status));
    }

    [Fact]
    public async Task Patch_Emails_MovesTheLeadInEmailSearch()
    {
        var pipeline = await SavedAsync(Sales());
        var domain = UniqueId.New("acme");
        var lead = await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), emails: [$"old@{domain}.example"]));

        await (await Ana.PatchLeadAsync(lead.Id, new { emails = new[] { $"new@{domain}.example" } })).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Empty(await (await Ana.FindLeadsAsync($"old@{domain}.example")).ReadAsync<List<LeadDto>>());
        Assert.Equal([lead.Id], (await (await Ana.FindLeadsAsync($"new@{domain}.example")).ReadAsync<List<LeadDto>>()).Select(l => l.Id));
    }

    [Fact]
    public async Task Get_UnknownLead_Returns404()
    {
        using var response = await Admin.GetLeadAsync(UniqueId.New("missing"));

        await response.ReadErrorsAsync(HttpStatusCode.NotFound);
    }

    private async Task<PipelineBuilder> SavedAsync(PipelineBuilder pipeline)
    {
        await Admin.SavePipelineAsync(pipeline);
        return pipeline;
    }

    /// <summary>The seeded sample pipeline takes every lead and is first in routing order; narrowed, routing reaches the tests' pipelines (idempotent).</summary>
    private async Task NarrowSamplePipelineAsync()
    {
        var sample = JsonNode.Parse(await (await Admin.GetAsync("/api/pipelines/b2b")).ShouldBeAsync(HttpStatusCode.OK))!.AsObject();
        sample["criteria"] = new JsonObject { ["sources"] = new JsonArray("sample-only") };
        await (await Admin.PutPipelineAsync("b2b", sample)).ShouldBeAsync(HttpStatusCode.OK);
    }
}
