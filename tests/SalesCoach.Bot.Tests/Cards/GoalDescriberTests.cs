using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Tests.Infrastructure;
using SalesCoach.Pipelines;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class GoalDescriberTests
{
    private static readonly List<TaskDefinition> Tasks =
    [
        new() { Id = "call", Title = "Discovery call", DueAfter = "P1D" },
        new() { Id = "mail", Title = "Send the recap", DueAfter = "P2D" },
        new() { Id = "plan", Title = "Write the account plan", DueAfter = "P3D" },
    ];

    private static string Describe(GoalDefinition? goal, int tasks = 3) => GoalDescriber.Describe(goal, Tasks.Take(tasks).ToList());

    private static GoalDefinition Activity(string type, string? direction = null, string? tag = null) =>
        new() { Activity = new ActivityGoal { Type = type, Direction = direction, Tag = tag } };

    [Fact]
    public void Describe_TaskCompleted_NamesTheTaskByItsTitle()
    {
        Assert.Equal("Done when “Discovery call” is completed", Describe(new() { TaskCompleted = "call" }));
        Assert.Equal("Done when “gone” is completed", Describe(new() { TaskCompleted = "gone" }));
    }

    [Theory]
    [InlineData(0, "Done when all its tasks are completed")]
    [InlineData(1, "Done when “Discovery call” is completed")]
    [InlineData(2, "Done when both its tasks are completed")]
    [InlineData(3, "Done when all 3 of its tasks are completed")]
    public void Describe_AllTasksCompleted_CountsTheStagesTasks(int tasks, string expected)
    {
        Assert.Equal(expected, Describe(new() { AllTasksCompleted = true }, tasks));
    }

    [Theory]
    [InlineData("value", "Done when the lead's value is set")]
    [InlineData("company", "Done when the lead's company is set")]
    [InlineData("emails", "Done when the lead has a contact email")]
    [InlineData("name", "Done when the lead has a name")]
    [InlineData("currency", "Done when the lead's currency is set")]
    [InlineData("product", "Done when the lead's product is set")]
    [InlineData("territory", "Done when the lead's territory is set")]
    [InlineData("source", "Done when the lead's source is set")]
    public void Describe_FieldSet_SaysWhichFactMustBeKnown(string field, string expected)
    {
        Assert.Equal(expected, Describe(new() { FieldSet = field }));
    }

    [Theory]
    [InlineData("meeting", null, null, "Done when a meeting is logged")]
    [InlineData("demo", null, null, "Done when a demo is logged")]
    [InlineData("call", "in", null, "Done when an incoming call is logged")]
    [InlineData("email", null, null, "Done when an email is logged")]
    [InlineData("email", "out", "proposal", "Done when an outgoing email tagged “proposal” is logged")]
    public void Describe_Activity_ReadsTypeDirectionAndTag(string type, string? direction, string? tag, string expected)
    {
        Assert.Equal(expected, Describe(Activity(type, direction, tag)));
    }

    [Fact]
    public void Describe_Manual_AsksTheRepToConfirm()
    {
        Assert.Equal("Done when you confirm it", Describe(new() { Manual = true }));
    }

    [Fact]
    public void Describe_All_JoinsEveryPartWithAnd()
    {
        Assert.Equal(
            "Done when the lead's value is set and a meeting is logged",
            Describe(new() { All = [new() { FieldSet = "value" }, Activity("meeting")] }));
        Assert.Equal(
            "Done when the lead's value is set, a meeting is logged and “Discovery call” is completed",
            Describe(new() { All = [new() { FieldSet = "value" }, Activity("meeting"), new() { TaskCompleted = "call" }] }));
    }

    [Fact]
    public void Describe_Any_JoinsThePartsWithOr()
    {
        Assert.Equal(
            "Done when an outgoing email tagged “proposal” is logged or you confirm it",
            Describe(new() { Any = [Activity("email", "out", "proposal"), new() { Manual = true }] }));
    }

    [Fact]
    public void Describe_NestedCombinations_AreIntroducedSoTheyReadUnambiguously()
    {
        Assert.Equal(
            "Done when the lead's value is set and either a meeting is logged or you confirm it",
            Describe(new() { All = [new() { FieldSet = "value" }, new() { Any = [Activity("meeting"), new() { Manual = true }] }] }));
        Assert.Equal(
            "Done when both a demo is logged and the lead's value is set or you confirm it",
            Describe(new() { Any = [new() { All = [Activity("demo"), new() { FieldSet = "value" }] }, new() { Manual = true }] }));
        Assert.Equal(
            "Done when one of a demo is logged, a call is logged or a meeting is logged and you confirm it",
            Describe(new() { All = [new() { Any = [Activity("demo"), Activity("call"), Activity("meeting")] }, new() { Manual = true }] }));
    }

    [Fact]
    public void Describe_NoGoal_WaitsForTheTasksOrForAConfirmation()
    {
        Assert.Equal("Done when all 3 of its tasks are completed", Describe(null));
        Assert.Equal("Done when you confirm it", Describe(null, tasks: 0));
    }

    [Fact]
    public void Describe_SamplePipeline_EveryStageReadsInPlainWords()
    {
        Assert.Equal(
            [
                "Done when the lead's value is set",
                "Done when a meeting is logged",
                "Done when a demo is logged",
                "Done when an outgoing email tagged “proposal” is logged or you confirm it",
                "Done when both its tasks are completed",
            ],
            Samples.Pipeline.Stages.Select(GoalDescriber.Describe));
    }

    [Fact]
    public void NeedsConfirmation_ManualAnywhereOrNothingToWaitFor_IsTrue()
    {
        Assert.True(GoalDescriber.NeedsConfirmation(Samples.Stage("proposal")));
        Assert.True(GoalDescriber.NeedsConfirmation(new StageDefinition { Id = "s", Goal = new() { All = [new() { Any = [new() { Manual = true }] }] } }));
        Assert.True(GoalDescriber.NeedsConfirmation(new StageDefinition { Id = "empty" }));
        Assert.False(GoalDescriber.NeedsConfirmation(Samples.Stage("meeting")));
        Assert.False(GoalDescriber.NeedsConfirmation(Samples.Stage("negotiate")));
    }
}
