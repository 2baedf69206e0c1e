namespace SalesCoach.Analytics;

/// <summary>One rep's forecast, won amount and quota attainment (won ÷ quota) in the period.</summary>
[GenerateSerializer, Immutable]
public sealed record RepForecast
{
    [Id(0)] public string RepId { get; init; } = "";
    [Id(1)] public decimal? Quota { get; init; }
    [Id(2)] public decimal Won { get; init; }
    [Id(3)] public double? Attainment { get; init; }
    [Id(4)] public decimal Forecast { get; init; }
    /// <summary>The rep's forecast by historical stage-to-win rate.</summary>
    [Id(5)] public decimal HistoricalForecast { get; init; }
}
