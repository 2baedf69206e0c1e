namespace SalesCoach.Analytics;

/// <summary>Which slice of a pipeline's aggregates a query reads; days are UTC and both ends inclusive.</summary>
[GenerateSerializer, Immutable]
public sealed record MetricsFilter
{
    [Id(0)] public DateOnly? From { get; init; }
    [Id(1)] public DateOnly? To { get; init; }
    [Id(2)] public string? TeamId { get; init; }
    [Id(3)] public string? RepId { get; init; }
    /// <summary>A lead is stuck after this many days in its current stage.</summary>
    [Id(4)] public int StuckDays { get; init; } = 14;
}
