namespace SalesCoach.Analytics;

/// <summary>
/// API.md <c>GET /api/metrics/forecast</c>: the forecast as it stood at the start of the period (open
/// value × stage probability), what was won in it, and accuracy = 1 − |actual − forecast| ÷ forecast
/// (floored at 0; null without a forecast).
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
}
