namespace SalesCoach.Reps;

/// <summary>A lead as a rep's chat commands find it: id and name.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadRef([property: Id(0)] string Id, [property: Id(1)] string Name);
