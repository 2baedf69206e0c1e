namespace SalesCoach.Analytics;

/// <summary>API.md <c>GET /api/metrics/deal-size</c>: won deals and their average amount for one key.</summary>
[GenerateSerializer, Immutable]
public sealed record DealSizeRow
{
    [Id(0)] public string Key { get; init; } = "";
    [Id(1)] public long Won { get; init; }
    [Id(2)] public decimal? AvgDealSize { get; init; }
    [Id(3)] public decimal WonAmount { get; init; }
}
