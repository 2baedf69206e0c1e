namespace SalesCoach.Leads;

/// <summary>The stage a lead is in, with the manager's guidance for it.</summary>
[GenerateSerializer, Immutable]
public sealed record StageView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Guidance,
    [property: Id(3)] DateTimeOffset EnteredAt);
