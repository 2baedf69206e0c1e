using SalesCoach.Pipelines;

namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>Test data: small pipelines built in code.</summary>
public static class Pipelines
{
    public static StageDefinition Stage(string id, GoalDefinition? goal = null, params TaskDefinition[] tasks) => new()
    {
        Id = id,
        Name = char.ToUpperInvariant(id[0]) + id[1..],
        Guidance = $"How to do {id}",
        Probability = 0.5,
        Goal = goal,
        Tasks = [.. tasks],
    };

    public static TaskDefinition Task(string id, string dueAfter = "P1D", string? assignee = null) =>
        new() { Id = id, Title = $"Do {id}", DueAfter = dueAfter, Assignee = assignee };

    /// <summary>A pipeline that takes only leads whose product is its own id, so pipelines of different tests never route each other's leads.</summary>
    public static PipelineDefinition Pipeline(string id, params StageDefinition[] stages) =>
        new() { Id = id, Name = $"Pipeline {id}", Criteria = new PipelineCriteria { Products = [id] }, Stages = [.. stages] };

    /// <summary>qualify (value set; tasks research P1D, call P2D) → meet (a meeting) → propose (proposal email or manual; task draft) → close.</summary>
    public static PipelineDefinition Sales(string id) => Pipeline(
        id,
        Stage("qualify", new GoalDefinition { FieldSet = "value" }, Task("research", "PT4H"), Task("call", "P2D")),
        Stage("meet", new GoalDefinition { Activity = new ActivityGoal { Type = "meeting" } }, Task("book", "P1D")),
        Stage("propose", new GoalDefinition
        {
            Any = [new GoalDefinition { Activity = new ActivityGoal { Type = "email", Direction = "out", Tag = "proposal" } }, new GoalDefinition { Manual = true }],
        }, Task("draft", "P2D")),
        Stage("close", null, Task("contract", "P5D")));

    public static GoalDefinition TaskDone(string taskId) => new() { TaskCompleted = taskId };

    public static GoalDefinition AllDone() => new() { AllTasksCompleted = true };

    public static GoalDefinition Manual() => new() { Manual = true };

    public static GoalDefinition FieldSet(string field) => new() { FieldSet = field };

    public static GoalDefinition Activity(string type, string? direction = null, string? tag = null) =>
        new() { Activity = new ActivityGoal { Type = type, Direction = direction, Tag = tag } };

    public static GoalDefinition All(params GoalDefinition[] goals) => new() { All = [.. goals] };

    public static GoalDefinition Any(params GoalDefinition[] goals) => new() { Any = [.. goals] };
}
