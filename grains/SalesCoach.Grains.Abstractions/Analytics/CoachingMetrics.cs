namespace SalesCoach.Analytics;

/// <summary>
/// API.md <c>GET /api/metrics/coaching</c>: a rep's stages against their team's; the weakest stage is
/// the one where the rep's conversion falls furthest below the team's (null when nothing compares).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CoachingMetrics
{
    [Id(0)] public string RepId { get; init; } = "";
    [Id(1)] public IReadOnlyList<StageCoaching> Stages { get; init; } = [];
    [Id(2)] public string? WeakestStage { get; init; }
    [Id(3)] public double? RepWinRate { get; init; }
    [Id(4)] public double? TeamWinRate { get; init; }
    [Id(5)] public int Kudos { get; init; }
    [Id(6)] public int Praise { get; init; }
}
