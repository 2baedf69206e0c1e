namespace SalesCoach.Pipelines;

/// <summary>A task created when a lead enters its stage, due <see cref="DueAfter"/> after entry.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskDefinition
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Title { get; init; } = "";
    [Id(2)] public string? Description { get; init; }
    /// <summary>ISO-8601 duration from stage entry, e.g. <c>P2D</c> or <c>PT4H</c>.</summary>
    [Id(3)] public string DueAfter { get; init; } = "";
    /// <summary><c>owner</c> (default), <c>rep:&lt;id&gt;</c> or <c>team:&lt;id&gt;</c>.</summary>
    [Id(4)] public string? Assignee { get; init; }
}
