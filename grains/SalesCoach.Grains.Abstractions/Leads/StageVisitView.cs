namespace SalesCoach.Leads;

/// <summary>One stay of a lead in a stage; <see cref="Exit"/> is null while it is still there.</summary>
[GenerateSerializer, Immutable]
public sealed record StageVisitView(
    [property: Id(0)] string StageId,
    [property: Id(1)] DateTimeOffset EnteredAt,
    [property: Id(2)] DateTimeOffset? ExitedAt,
    [property: Id(3)] StageExit? Exit);
