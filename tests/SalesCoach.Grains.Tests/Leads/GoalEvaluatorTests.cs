using SalesCoach.Leads;
using SalesCoach.Pipelines;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Leads;

public sealed class GoalEvaluatorTests
{
    private static TaskInstance T(string id, LeadTaskStatus status) => new() { Id = id, Status = status };

    private static ActivityView A(string type, string? direction = null, params string[] tags) =>
        new() { Type = type, Direction = direction, Tags = tags };

    private static GoalContext Context(
        IReadOnlyList<TaskInstance>? tasks = null, IReadOnlyList<ActivityView>? activities = null, LeadFacts? facts = null, bool manual = false) =>
        new(tasks ?? [], activities ?? [], facts ?? new LeadFacts { Name = "Acme" }, manual);

    [Fact]
    public void IsMet_TaskCompleted_OnlyWhenThatTaskIsDone()
    {
        Assert.False(GoalEvaluator.IsMet(TaskDone("call"), Context([T("call", LeadTaskStatus.Open), T("mail", LeadTaskStatus.Done)])));
        Assert.False(GoalEvaluator.IsMet(TaskDone("call"), Context([T("call", LeadTaskStatus.Skipped)])));
        Assert.True(GoalEvaluator.IsMet(TaskDone("call"), Context([T("call", LeadTaskStatus.Done), T("mail", LeadTaskStatus.Open)])));
    }

    [Fact]
    public void IsMet_AllTasksCompleted_NeedsEveryTaskDone()
    {
        Assert.False(GoalEvaluator.IsMet(AllDone(), Context([T("a", LeadTaskStatus.Done), T("b", LeadTaskStatus.Open)])));
        Assert.True(GoalEvaluator.IsMet(AllDone(), Context([T("a", LeadTaskStatus.Done), T("b", LeadTaskStatus.Done)])));
    }

    [Theory]
    [InlineData("value")]
    [InlineData("company")]
    [InlineData("emails")]
    [InlineData("currency")]
    [InlineData("product")]
    [InlineData("territory")]
    [InlineData("source")]
    public void IsMet_FieldSet_FollowsTheFact(string field)
    {
        Assert.False(GoalEvaluator.IsMet(FieldSet(field), Context()));
        var facts = new LeadFacts
        {
            Name = "Acme", Company = "Acme Oy", Emails = ["a@acme.example"], Value = 0, Currency = "EUR",
            Product = "crm", Territory = "EMEA", Source = "web",
        };
        Assert.True(GoalEvaluator.IsMet(FieldSet(field), Context(facts: facts)));
    }

    [Fact]
    public void IsMet_ActivityType_MatchesAnyDirectionAndTags()
    {
        Assert.False(GoalEvaluator.IsMet(Activity("meeting"), Context(activities: [A("call")])));
        Assert.True(GoalEvaluator.IsMet(Activity("meeting"), Context(activities: [A("call"), A("meeting", "in")])));
    }

    [Fact]
    public void IsMet_ActivityDirectionAndTag_MustBothMatch()
    {
        var goal = Activity("email", "out", "proposal");
        Assert.False(GoalEvaluator.IsMet(goal, Context(activities: [A("email", "in", "proposal")])));
        Assert.False(GoalEvaluator.IsMet(goal, Context(activities: [A("email", "out", "intro")])));
        Assert.True(GoalEvaluator.IsMet(goal, Context(activities: [A("email", "out", "Proposal", "pricing")])));
    }

    [Fact]
    public void IsMet_Manual_OnlyAfterConfirmation()
    {
        Assert.False(GoalEvaluator.IsMet(Manual(), Context()));
        Assert.True(GoalEvaluator.IsMet(Manual(), Context(manual: true)));
    }

    [Fact]
    public void IsMet_All_NeedsEveryPart()
    {
        var goal = All(FieldSet("value"), TaskDone("call"));
        Assert.False(GoalEvaluator.IsMet(goal, Context([T("call", LeadTaskStatus.Done)])));
        Assert.False(GoalEvaluator.IsMet(goal, Context([T("call", LeadTaskStatus.Open)], facts: new LeadFacts { Value = 1 })));
        Assert.True(GoalEvaluator.IsMet(goal, Context([T("call", LeadTaskStatus.Done)], facts: new LeadFacts { Value = 1 })));
    }

    [Fact]
    public void IsMet_Any_NeedsOnePart()
    {
        var goal = Any(Activity("email", "out", "proposal"), Manual());
        Assert.False(GoalEvaluator.IsMet(goal, Context()));
        Assert.True(GoalEvaluator.IsMet(goal, Context(manual: true)));
        Assert.True(GoalEvaluator.IsMet(goal, Context(activities: [A("email", "out", "proposal")])));
    }

    [Fact]
    public void IsMet_NestedCombination_EvaluatesTheTree()
    {
        var goal = Any(All(Activity("demo"), TaskDone("recap")), Manual());
        Assert.False(GoalEvaluator.IsMet(goal, Context([T("recap", LeadTaskStatus.Open)], [A("demo")])));
        Assert.True(GoalEvaluator.IsMet(goal, Context([T("recap", LeadTaskStatus.Done)], [A("demo")])));
    }

    [Fact]
    public void EffectiveGoal_NoGoal_IsAllTasksOrManual()
    {
        Assert.True(GoalEvaluator.EffectiveGoal(Stage("a", null, Task("t"))).AllTasksCompleted);
        Assert.True(GoalEvaluator.EffectiveGoal(Stage("a")).Manual);
    }

    [Fact]
    public void HasManual_FindsManualInsideCombinations()
    {
        Assert.True(GoalEvaluator.HasManual(Any(Activity("email"), Manual())));
        Assert.False(GoalEvaluator.HasManual(All(Activity("email"), FieldSet("value"))));
    }
}
