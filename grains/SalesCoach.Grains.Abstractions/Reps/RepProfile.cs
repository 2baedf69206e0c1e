namespace SalesCoach.Reps;

/// <summary>Who a rep is and what they sell (API.md "Reps and teams").</summary>
[GenerateSerializer, Immutable]
public sealed record RepProfile
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public string Email { get; init; } = "";
    [Id(3)] public string? TeamId { get; init; }
    [Id(4)] public string? ManagerId { get; init; }
    [Id(5)] public string? Territory { get; init; }
    [Id(6)] public IReadOnlyList<string> Products { get; init; } = [];
    [Id(7)] public int? Tier { get; init; }
    [Id(8)] public decimal? Quota { get; init; }
    [Id(9)] public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>An away rep gets no new leads.</summary>
    [Id(10)] public bool Away { get; init; }
}
