namespace SalesCoach.Analytics;

/// <summary>
/// A pipeline's analytics: counters per day × rep × team × product × territory × source × stage,
/// fed by lead event batches. Queries read these counters, never the leads. Key = pipeline id.
/// </summary>
[Alias("SalesCoach.Analytics.IFunnelGrain")]
public interface IFunnelGrain : IGrainWithStringKey
{
    /// <summary>Applies a lead's batch once: a repeat is ignored; a batch after a gap is refused (false) so the lead re-sends in order.</summary>
    [Alias("Apply")]
    Task<bool> ApplyAsync(LeadEventBatch batch);

    /// <summary>Stage-by-stage funnel, win rate, deal size and cycle lengths.</summary>
    [Alias("GetFunnel")]
    Task<FunnelMetrics> GetFunnelAsync(MetricsFilter filter);

    /// <summary>Process adoption: goal exits, task completion, active reps.</summary>
    [Alias("GetAdoption")]
    Task<AdoptionMetrics> GetAdoptionAsync(MetricsFilter filter);

    /// <summary>Average won amount grouped by one dimension.</summary>
    [Alias("GetDealSize")]
    Task<IReadOnlyList<DealSizeRow>> GetDealSizeAsync(MetricsFilter filter, DealSizeBy by);

    /// <summary>Forecast at the start of the period against what was won, with quota attainment per rep.</summary>
    [Alias("GetForecast")]
    Task<ForecastMetrics> GetForecastAsync(MetricsFilter filter);

    /// <summary>The rep's per-stage conversion and time in stage against their team.</summary>
    [Alias("GetCoaching")]
    Task<CoachingMetrics> GetCoachingAsync(string repId, MetricsFilter filter);
}
