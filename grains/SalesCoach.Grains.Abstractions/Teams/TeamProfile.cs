namespace SalesCoach.Teams;

/// <summary>A team: its manager and its reps.</summary>
[GenerateSerializer, Immutable]
public sealed record TeamProfile
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public string ManagerId { get; init; } = "";
    [Id(3)] public IReadOnlyList<string> Members { get; init; } = [];
    [Id(4)] public decimal? Quota { get; init; }
}
