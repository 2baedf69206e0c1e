using SalesCoach.Analytics;

namespace SalesCoach.Bot.Cards;

/// <summary>What the funnel card shows: the metrics of one slice and the filters that chose it.</summary>
/// <param name="Scope">Whose funnel, in words ("Team Baltics", "Ana", "All teams").</param>
/// <param name="Period">One of <see cref="FunnelPeriods"/>.</param>
/// <param name="Funnel">The funnel of the slice.</param>
/// <param name="Forecast">The forecast of the slice, when read.</param>
/// <param name="Quota">The quota of the reps in scope, summed; null when none is set.</param>
/// <param name="Teams">Teams the viewer may filter by (id, name).</param>
/// <param name="Reps">Reps the viewer may filter by (id, name).</param>
/// <param name="TeamId">The team filter in force.</param>
/// <param name="RepId">The rep filter in force.</param>
/// <param name="PipelineId">The pipeline shown.</param>
/// <param name="PipelineName">Its name, shown on the card.</param>
/// <param name="Pipelines">Pipelines the viewer may switch to (id, name); a chooser only when more than one.</param>
public sealed record FunnelView(
    string Scope,
    string? Period,
    FunnelMetrics Funnel,
    ForecastMetrics? Forecast,
    decimal? Quota,
    IReadOnlyList<(string Id, string Name)> Teams,
    IReadOnlyList<(string Id, string Name)> Reps,
    string? TeamId = null,
    string? RepId = null,
    string? PipelineId = null,
    string? PipelineName = null,
    IReadOnlyList<(string Id, string Name)>? Pipelines = null);
