using SalesCoach.Pipelines;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Pipelines;

public sealed class PipelineValidatorTests
{
    private static IReadOnlyList<string> Paths(PipelineDefinition pipeline) =>
        [.. PipelineValidator.Validate(pipeline).Select(p => p.Path)];

    [Fact]
    public void Validate_ValidPipeline_ReportsNothing() =>
        Assert.Empty(PipelineValidator.Validate(Sales("ok")));

    [Fact]
    public void Validate_NoStages_ReportsStages() =>
        Assert.Equal(["stages"], Paths(Pipeline("p")));

    [Fact]
    public void Validate_DuplicateStageAndTaskIds_ReportsEach()
    {
        var pipeline = Pipeline("p", Stage("a", null, Task("t")), Stage("a", null, Task("t")));
        Assert.Equal(["stages[1].id", "stages[1].tasks[0].id"], Paths(pipeline));
    }

    [Fact]
    public void Validate_GoalNamingUnknownTaskOrField_ReportsBoth()
    {
        var pipeline = Pipeline("p",
            Stage("a", TaskDone("nope"), Task("t")),
            Stage("b", FieldSet("colour")));
        var problems = PipelineValidator.Validate(pipeline);
        Assert.Equal(["stages[0].goal.taskCompleted", "stages[1].goal.fieldSet"], problems.Select(p => p.Path));
        Assert.Contains("nope", problems[0].Message);
    }

    [Fact]
    public void Validate_TaskOfAnotherStageInGoal_IsUnknown() =>
        Assert.Equal(["stages[1].goal.taskCompleted"], Paths(Pipeline("p", Stage("a", null, Task("t")), Stage("b", TaskDone("t")))));

    [Fact]
    public void Validate_EmptyAndMultiKeyGoals_AreReported()
    {
        var pipeline = Pipeline("p",
            Stage("a", new GoalDefinition()),
            Stage("b", new GoalDefinition { Manual = true, FieldSet = "value" }));
        var problems = PipelineValidator.Validate(pipeline);
        Assert.Equal(["stages[0].goal", "stages[1].goal"], problems.Select(p => p.Path));
        Assert.Contains("empty", problems[0].Message);
        Assert.Contains("more than one", problems[1].Message);
    }

    [Fact]
    public void Validate_NestedGoals_ReportPathsInsideAllAndAny()
    {
        var pipeline = Pipeline("p", Stage("a", All(Manual(), Any(Activity("lunch"), new GoalDefinition()), Any())));
        Assert.Equal(["stages[0].goal.all[1].any[0].activity.type", "stages[0].goal.all[1].any[1]", "stages[0].goal.all[2].any"], Paths(pipeline));
    }

    [Theory]
    [InlineData("2 days")]
    [InlineData("P")]
    [InlineData("P1M")]
    [InlineData("-P1D")]
    [InlineData("")]
    public void Validate_BadDueAfter_IsReported(string dueAfter) =>
        Assert.Equal(["stages[0].tasks[0].dueAfter"], Paths(Pipeline("p", Stage("a", null, Task("t", dueAfter)))));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Validate_ProbabilityOutsideZeroToOne_IsReported(double probability) =>
        Assert.Equal(["stages[0].probability"], Paths(Pipeline("p", Stage("a") with { Probability = probability })));

    [Theory]
    [InlineData("boss")]
    [InlineData("rep:")]
    [InlineData("team:")]
    public void Validate_UnknownAssigneeForm_IsReported(string assignee) =>
        Assert.Equal(["stages[0].tasks[0].assignee"], Paths(Pipeline("p", Stage("a", null, Task("t", assignee: assignee)))));

    [Theory]
    [InlineData("owner")]
    [InlineData("rep:ana")]
    [InlineData("team:nordics")]
    public void Validate_KnownAssigneeForms_AreAccepted(string assignee) =>
        Assert.Empty(Paths(Pipeline("p", Stage("a", null, Task("t", assignee: assignee)))));

    [Fact]
    public void Validate_AssignmentRuleNamingNoReps_IsReported()
    {
        var pipeline = Sales("p") with
        {
            Assignment = [new AssignmentRule { To = new AssignmentTarget { Reps = [] } }, new AssignmentRule { To = new AssignmentTarget { Reps = ["ana"] }, Strategy = "random" }],
        };
        Assert.Equal(["assignment[0].to", "assignment[1].strategy"], Paths(pipeline));
    }

    [Fact]
    public void Validate_ManyProblems_AreAllReportedAtOnce()
    {
        var pipeline = new PipelineDefinition
        {
            Id = "bad id!",
            Stages = [Stage("a", new GoalDefinition(), Task("t", "soon", "boss")) with { Probability = 3 }],
            Praise = [new PraiseRule { When = new PraiseCondition { StageExited = "nowhere" } }],
        };
        Assert.Equal(
            ["id", "name", "stages[0].probability", "stages[0].tasks[0].dueAfter", "stages[0].tasks[0].assignee", "stages[0].goal", "praise[0].when.stageExited"],
            Paths(pipeline));
    }
}
