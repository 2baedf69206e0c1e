using SalesCoach.Analytics;
using SalesCoach.Common;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Api;

/// <summary><c>/api/metrics</c>: the funnel, adoption, deal size, forecast and coaching, read from the pipeline's aggregates (API.md "Kudos and metrics").</summary>
public static class MetricsApi
{
    private static readonly Dictionary<string, DealSizeBy> DealSizeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rep"] = DealSizeBy.Rep,
        ["team"] = DealSizeBy.Team,
        ["product"] = DealSizeBy.Product,
        ["territory"] = DealSizeBy.Territory,
        ["source"] = DealSizeBy.Source,
    };

    public static RouteGroupBuilder MapMetricsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/metrics").WithTags("Metrics");
        group.MapGet("/funnel", FunnelAsync).Produces<FunnelMetrics>().Produces<ErrorResponse>(400).Produces<ErrorResponse>(403);
        group.MapGet("/adoption", AdoptionAsync).Produces<AdoptionMetrics>().Produces<ErrorResponse>(400).Produces<ErrorResponse>(403);
        group.MapGet("/deal-size", DealSizeAsync).Produces<IReadOnlyList<DealSizeRow>>().Produces<ErrorResponse>(400).Produces<ErrorResponse>(403);
        group.MapGet("/forecast", ForecastAsync).Produces<ForecastMetrics>().Produces<ErrorResponse>(400).Produces<ErrorResponse>(403);
        group.MapGet("/coaching", CoachingAsync).Produces<CoachingMetrics>().Produces<ErrorResponse>(400).Produces<ErrorResponse>(403);
        return api;
    }

    private static async Task<IResult> FunnelAsync(HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (query, error) = await MetricsQuery.ReadAsync(request, caller, grains);
        return error ?? Results.Json(await query!.Funnel(grains).GetFunnelAsync(query.Filter));
    }

    private static async Task<IResult> AdoptionAsync(HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (query, error) = await MetricsQuery.ReadAsync(request, caller, grains);
        return error ?? Results.Json(await query!.Funnel(grains).GetAdoptionAsync(query.Filter));
    }

    private static async Task<IResult> DealSizeAsync(HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var byText = request.Query["by"].ToString();
        var by = DealSizeBy.Rep;
        if (byText.Length > 0 && !DealSizeKeys.TryGetValue(byText, out by))
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest,
                [new Problem("by", $"'{byText}' is not one of {string.Join(", ", DealSizeKeys.Keys)}")]);
        }

        var (query, error) = await MetricsQuery.ReadAsync(request, caller, grains);
        return error ?? Results.Json(await query!.Funnel(grains).GetDealSizeAsync(query.Filter, by));
    }

    private static async Task<IResult> ForecastAsync(HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (query, error) = await MetricsQuery.ReadAsync(request, caller, grains);
        return error ?? Results.Json(await query!.Funnel(grains).GetForecastAsync(query.Filter));
    }

    /// <summary>The rep (default: the caller) against their team; kudos and praise from the rep's stats.</summary>
    private static async Task<IResult> CoachingAsync(HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (query, error) = await MetricsQuery.ReadAsync(request, caller, grains);
        if (error is not null)
        {
            return error;
        }

        var repId = query!.Filter.RepId ?? caller.Id;
        var rep = grains.GetGrain<IRepGrain>(repId);
        var teamId = query.Filter.TeamId ?? (await rep.GetProfileAsync())?.TeamId;
        var coaching = await query.Funnel(grains).GetCoachingAsync(repId, query.Filter with { RepId = null, TeamId = teamId });
        var stats = await rep.GetStatsAsync();
        return Results.Json(coaching with { Kudos = stats.Kudos, Praise = stats.Praise });
    }
}
