using SalesCoach.Common;
using SalesCoach.Enrichment;
using SalesCoach.Leads;

namespace SalesCoach.Bot.Api;

/// <summary><c>/api/enrichment</c>: what an address says about a company, and the caller's leads at the same company.</summary>
public static class EnrichmentApi
{
    public static RouteGroupBuilder MapEnrichmentApi(this RouteGroupBuilder api)
    {
        api.MapGet("/enrichment", EnrichAsync).WithTags("Enrichment").Produces<EnrichmentResponse>().Produces<ErrorResponse>(400);
        return api;
    }

    /// <summary>Domain, free-mail or not, a company guess, and existing leads at that domain the caller may see.</summary>
    private static async Task<IResult> EnrichAsync(string? email, Caller caller, IGrainFactory grains, IEnricher enricher)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, [new Problem("email", "is required, e.g. /api/enrichment?email=cto@acme.example")]);
        }

        var found = enricher.Enrich(email.Trim());
        IReadOnlyList<string> ids = found is { Domain: { } domain, IsFreeMail: false }
            ? await grains.GetGrain<ILeadDomainIndexGrain>(domain).ListAsync()
            : [];
        var visible = await Task.WhenAll(ids.Select(id => grains.GetGrain<ILeadGrain>(id).GetAsync(caller.Actor)));
        return Results.Json(new EnrichmentResponse(
            found.Domain, found.IsFreeMail, found.CompanyGuess,
            [.. visible.Where(o => o.Succeeded).Select(o => new LeadSuggestion(o.Value!.Id, o.Value.Name, o.Value.Company))]));
    }

    /// <summary>The answer of <c>GET /api/enrichment</c>.</summary>
    public sealed record EnrichmentResponse(string? Domain, bool FreeMail, string? CompanyGuess, IReadOnlyList<LeadSuggestion> ExistingLeads);

    /// <summary>A lead already at the same company domain.</summary>
    public sealed record LeadSuggestion(string Id, string Name, string? Company);
}
