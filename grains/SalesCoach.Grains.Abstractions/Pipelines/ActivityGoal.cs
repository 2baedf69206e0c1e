namespace SalesCoach.Pipelines;

/// <summary>A goal met by an activity logged during the stage, e.g. a meeting held or a proposal emailed.</summary>
[GenerateSerializer, Immutable]
public sealed record ActivityGoal
{
    /// <summary><c>meeting</c>, <c>email</c>, <c>call</c> or <c>demo</c>.</summary>
    [Id(0)] public string Type { get; init; } = "";
    /// <summary><c>in</c> or <c>out</c>; missing matches either.</summary>
    [Id(1)] public string? Direction { get; init; }
    /// <summary>A tag the activity must carry, e.g. <c>proposal</c>.</summary>
    [Id(2)] public string? Tag { get; init; }
}
