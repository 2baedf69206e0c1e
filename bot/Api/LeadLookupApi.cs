using SalesCoach.Common;
using SalesCoach.Leads;

namespace SalesCoach.Bot.Api;

/// <summary>
/// <c>GET /api/leads/by-email?email=a&amp;email=b</c>: the leads of every address on a message in one
/// request (the Outlook pane looks up the sender and all recipients at once). Each lead appears once,
/// only if the caller may see it; addresses match case-insensitively.
/// </summary>
public static class LeadLookupApi
{
    /// <summary>More addresses than a message's sender and recipients usually have; past it, 400.</summary>
    public const int MaxEmails = 50;

    public static RouteGroupBuilder MapLeadLookupApi(this RouteGroupBuilder api)
    {
        api.MapGet("/leads/by-email", FindAsync).WithTags("Leads")
            .Produces<IReadOnlyList<LeadView>>().Produces<ErrorResponse>(400);
        return api;
    }

    private static async Task<IResult> FindAsync(string[]? email, Caller caller, IGrainFactory grains)
    {
        var addresses = (email ?? []).Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct().ToList();
        var problems = new List<Problem>();
        if (addresses.Count == 0)
        {
            problems.Add(new Problem("email", "at least one is required, e.g. /api/leads/by-email?email=cto@acme.example&email=cfo@acme.example"));
        }

        if (addresses.Count > MaxEmails)
        {
            problems.Add(new Problem("email", $"at most {MaxEmails} addresses per request"));
        }

        problems.AddRange(addresses.Where(a => a.Length > 320 || !a.Contains('@', StringComparison.Ordinal))
            .Select(a => new Problem("email", $"'{a}' is not an email address")));
        if (problems.Count > 0)
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, problems);
        }

        var ids = await Task.WhenAll(addresses.Select(a => grains.GetGrain<ILeadEmailIndexGrain>(a).ListAsync()));
        var found = await Task.WhenAll(ids.SelectMany(i => i).Distinct().Select(id => grains.GetGrain<ILeadGrain>(id).GetAsync(caller.Actor)));
        return Results.Json(found.Where(o => o.Succeeded).Select(o => o.Value));
    }
}
