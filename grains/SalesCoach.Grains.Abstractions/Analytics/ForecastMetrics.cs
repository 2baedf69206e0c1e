namespace SalesCoach.Analytics;

/// <summary>
/// API.md <c>GET /api/metrics/forecast</c>: the forecast as it stood at the start of the period (open
/// value × stage probability), what was won in it, and accuracy = 1 − |actual − forecast| ÷ forecast
/// (floored at 0; null without a forecast). Beside it the same forecast by each stage's historical
/// stage-to-win rate (<see cref="StageWinRates"/>, from the leads closed before the period).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ForecastMetrics
{
    [Id(0)] public decimal Forecast { get; init; }
    [Id(1)] public decimal Actual { get; init; }
    [Id(2)] public double? Accuracy { get; init; }
    [Id(3)] public IReadOnlyList<RepForecast> Reps { get; init; } = [];
    /// <summary>The open pipeline now (open value × stage probability), whatever the period.</summary>
    [Id(4)] public decimal OpenNow { get; init; }
    /// <summary>Open value at the start of the period × each stage's historical stage-to-win rate (closes before the period).</summary>
    [Id(5)] public decimal HistoricalForecast { get; init; }
    /// <summary><see cref="Accuracy"/> for <see cref="HistoricalForecast"/>.</summary>
    [Id(6)] public double? HistoricalAccuracy { get; init; }
    /// <summary>The open pipeline now × each stage's stage-to-win rate from every close so far.</summary>
    [Id(7)] public decimal HistoricalOpenNow { get; init; }
    /// <summary>The rates <see cref="HistoricalForecast"/> used, per stage in pipeline order, and where each came from.</summary>
    [Id(8)] public IReadOnlyList<StageWinRate> StageWinRates { get; init; } = [];
}
