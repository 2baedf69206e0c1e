using SalesCoach.Leads;
using SalesCoach.Pipelines;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Leads;

public sealed class StageMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static ValueTask<string?> NoReassignment(StageDefinition stage) => ValueTask.FromResult<string?>(null);

    private static async Task<(StageMachine Machine, LeadState Lead)> EnterFirstStage(PipelineDefinition pipeline, LeadFacts? facts = null)
    {
        var lead = new LeadState { Exists = true, OwnerId = "ana", Facts = facts ?? new LeadFacts { Name = "Acme" } };
        var machine = new StageMachine(pipeline, lead, Now);
        await machine.EnterAsync(0, NoReassignment);
        return (machine, lead);
    }

    [Fact]
    public async Task EnterAsync_FirstStage_CreatesItsTasksWithDueDatesFromEntry()
    {
        var (_, lead) = await EnterFirstStage(Sales("p"));
        Assert.Equal("qualify", Assert.Single(lead.History).StageId);
        Assert.Equal(
            [("research", Now.AddHours(4)), ("call", Now.AddDays(2))],
            lead.Tasks.Select(t => (t.Id, t.DueAt)));
        Assert.All(lead.Tasks, t => Assert.Equal(("ana", LeadTaskStatus.Open), (t.AssigneeId, t.Status)));
    }

    [Fact]
    public async Task EnterAsync_GoalAlreadyMet_LeavesTheStageAtOnce()
    {
        var (_, lead) = await EnterFirstStage(Sales("p"), new LeadFacts { Name = "Acme", Value = 12000 });
        Assert.Equal(["qualify", "meet"], lead.History.Select(v => v.StageId));
        Assert.Equal(StageExit.Goal, lead.History[0].Exit);
        Assert.Equal(Now, lead.History[0].ExitedAt);
        Assert.All(lead.Tasks.Where(t => t.StageId == "qualify"), t => Assert.Equal(LeadTaskStatus.Skipped, t.Status));
        Assert.Equal(LeadTaskStatus.Open, Assert.Single(lead.Tasks, t => t.StageId == "meet").Status);
    }

    [Fact]
    public async Task SettleAsync_GoalMet_SkipsOpenTasksAndEntersNextStage()
    {
        var (machine, lead) = await EnterFirstStage(Pipeline("p",
            Stage("a", TaskDone("one"), Task("one"), Task("two")),
            Stage("b", null, Task("three"))));
        machine.CompleteTask(lead.Tasks[0], "ana");
        await machine.SettleAsync(NoReassignment);

        Assert.Equal([LeadTaskStatus.Done, LeadTaskStatus.Skipped, LeadTaskStatus.Open], lead.Tasks.Select(t => t.Status));
        Assert.Equal("b", machine.CurrentStage.Id);
        Assert.Equal(["one", "two", "three"], machine.ChangedTasks.Select(t => t.Id).Distinct());
    }

    [Fact]
    public async Task SettleAsync_SeveralGoalsMet_AdvancesThroughEach()
    {
        var (machine, lead) = await EnterFirstStage(Pipeline("p",
            Stage("a", FieldSet("value")), Stage("b", FieldSet("company")), Stage("c", Manual())));
        lead.Facts = lead.Facts with { Value = 5, Company = "Acme Oy" };
        await machine.SettleAsync(NoReassignment);
        Assert.Equal(["a", "b", "c"], lead.History.Select(v => v.StageId));
        Assert.Equal([StageExit.Goal, StageExit.Goal, null], lead.History.Select(v => v.Exit));
    }

    [Fact]
    public async Task SettleAsync_LastStage_IsNotLeftByItsGoal()
    {
        var (machine, lead) = await EnterFirstStage(Pipeline("p", Stage("only", FieldSet("value"))), new LeadFacts { Name = "A", Value = 1 });
        await machine.SettleAsync(NoReassignment);
        Assert.Single(lead.History);
        Assert.Null(lead.History[0].Exit);
    }

    [Fact]
    public async Task Context_ActivitiesOfEarlierStages_DoNotCount()
    {
        var (machine, lead) = await EnterFirstStage(Pipeline("p",
            Stage("a", Activity("call")), Stage("b", Activity("call")), Stage("c")));
        lead.Activities.Add(new ActivityView { Type = "call", StageId = "a" });
        await machine.SettleAsync(NoReassignment);
        Assert.Equal("b", machine.CurrentStage.Id); // the one call ended stage a only
    }

    [Fact]
    public async Task EnterAsync_StageWithAssignmentRules_ReassignsBeforeCreatingTasks()
    {
        var pipeline = Pipeline("p", Stage("a", Manual()), Stage("b", null, Task("t")) with
        {
            Assignment = [new AssignmentRule { To = new AssignmentTarget { Reps = ["bo"] } }],
        });
        var (machine, lead) = await EnterFirstStage(pipeline);
        machine.Exit(StageExit.Manual);
        await machine.EnterAsync(1, _ => ValueTask.FromResult<string?>("bo"));
        Assert.Equal("bo", lead.OwnerId);
        Assert.Equal("bo", lead.Tasks.Single().AssigneeId);
    }

    [Fact]
    public async Task EnterAsync_RepAndTeamAssignees_AreResolved()
    {
        var (_, lead) = await EnterFirstStage(Pipeline("p",
            Stage("a", Manual(), Task("x", assignee: "rep:bo"), Task("y", assignee: "team:nordics"), Task("z", assignee: "owner"))));
        Assert.Equal(["bo", "team:nordics", "ana"], lead.Tasks.Select(t => t.AssigneeId));
    }

    [Fact]
    public async Task Close_FromAnyStage_SkipsOpenTasksAndRecordsOutcome()
    {
        var (machine, lead) = await EnterFirstStage(Sales("p"));
        machine.Close(LeadStatus.Won, 9000, null, "ana");
        Assert.Equal(LeadStatus.Won, lead.Status);
        Assert.Equal(StageExit.Won, lead.History[^1].Exit);
        Assert.All(lead.Tasks, t => Assert.Equal(LeadTaskStatus.Skipped, t.Status));
        Assert.Equal(new OutcomeView(LeadStatus.Won, 9000, null, Now, "ana"), lead.Outcome);
    }

    [Fact]
    public async Task EnterAsync_ReenteringAStage_CreatesFreshTasksForThatStay()
    {
        var (machine, lead) = await EnterFirstStage(Pipeline("p", Stage("a", TaskDone("t"), Task("t")), Stage("b")));
        machine.CompleteTask(lead.Tasks[0], "ana");
        await machine.SettleAsync(NoReassignment);
        machine.Exit(StageExit.Manual);
        await machine.EnterAsync(0, NoReassignment);

        Assert.Equal("a", machine.CurrentStage.Id);
        Assert.Equal([LeadTaskStatus.Done, LeadTaskStatus.Open], lead.Tasks.Select(t => t.Status));
        Assert.False(machine.GoalMet()); // the earlier stay's done task does not count again
    }
}
