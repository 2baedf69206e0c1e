namespace SalesCoach.Analytics;

/// <summary>API.md <c>GET /api/metrics/funnel</c>. Rates and averages are null when there is nothing to divide.</summary>
[GenerateSerializer, Immutable]
public sealed record FunnelMetrics
{
    [Id(0)] public IReadOnlyList<StageFunnel> Stages { get; init; } = [];
    [Id(1)] public long Created { get; init; }
    [Id(2)] public long Won { get; init; }
    [Id(3)] public long Lost { get; init; }
    [Id(4)] public double? WinRate { get; init; }
    [Id(5)] public decimal? AvgDealSize { get; init; }
    [Id(6)] public double? CycleDays { get; init; }
    [Id(7)] public double? AskToDecisionDays { get; init; }
    [Id(8)] public decimal WonAmount { get; init; }
}
