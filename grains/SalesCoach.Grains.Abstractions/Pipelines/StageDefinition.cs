namespace SalesCoach.Pipelines;

/// <summary>One stage: the goal that ends it, the manager's guidance and the tasks it creates.</summary>
[GenerateSerializer, Immutable]
public sealed record StageDefinition
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    /// <summary>Markdown, in the manager's own words; sent to the owner on stage entry.</summary>
    [Id(2)] public string? Guidance { get; init; }
    /// <summary>Chance (0–1) that a lead in this stage is won; feeds the forecast.</summary>
    [Id(3)] public double? Probability { get; init; }
    /// <summary>The stage where the rep asks for the decision ("time from ask to decision").</summary>
    [Id(4)] public bool Ask { get; init; }
    /// <summary>What must be true before the stage is done; missing means all tasks done (or a manual confirm when there are none).</summary>
    [Id(5)] public GoalDefinition? Goal { get; init; }
    [Id(6)] public List<TaskDefinition> Tasks { get; init; } = [];
    [Id(7)] public ListHooks? Lists { get; init; }
    /// <summary>Rules that re-assign the lead when it enters this stage.</summary>
    [Id(8)] public List<AssignmentRule>? Assignment { get; init; }
    /// <summary>ISO-8601 duration (e.g. <c>P7D</c>): a lead with no activity this long in the stage is reassigned by the assignment rules.</summary>
    [Id(9)] public string? StaleAfter { get; init; }
}
