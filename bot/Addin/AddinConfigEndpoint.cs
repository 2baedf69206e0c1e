using System.Net;
using Microsoft.Extensions.Options;
using SalesCoach.Bot.Auth;
using SalesCoach.Bot.Hosting;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Addin;

/// <summary><c>GET /addin/config.json</c>: tells the pane which sign-in the host expects, before it signs in.</summary>
public static class AddinConfigEndpoint
{
    public const string ApiBase = "/api";

    public static async Task<IResult> GetAsync(HttpContext context, IOptions<AuthSettings> auth, IOptions<AddinSettings> addin, IGrainFactory grains)
    {
        context.Response.Headers.CacheControl = "no-store";
        var settings = auth.Value;
        if (!settings.IsDevelopment)
        {
            var identity = AddinIdentity.From(settings, addin.Value);
            return Results.Json(new AddinConfig(ApiBase, new AddinAuthConfig(
                "production", ClientId: identity.ClientId, Authority: identity.Authority, Scopes: identity.Scopes)));
        }

        // The developer header is believed only from loopback, so only loopback callers see who they may be.
        var remote = context.Connection.RemoteIpAddress;
        IReadOnlyList<DeveloperIdentity> users = remote is null || IPAddress.IsLoopback(remote)
            ? await DeveloperIdentitiesAsync(grains, settings)
            : [];
        return Results.Json(new AddinConfig(ApiBase, new AddinAuthConfig(
            "development", UserHeader: DevelopmentAuthenticationHandler.UserHeader, Users: users)));
    }

    private static async Task<IReadOnlyList<DeveloperIdentity>> DeveloperIdentitiesAsync(IGrainFactory grains, AuthSettings auth)
    {
        var reps = await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).ListAsync();
        var people = reps.Select(r => new DeveloperIdentity(r.Id, r.Name, r.Email, r.Roles)).ToList();
        people.AddRange(auth.EffectiveAdmins
            .Where(admin => people.TrueForAll(p => p.Id != admin))
            .Select(admin => new DeveloperIdentity(admin, $"{admin} (administrator)", null, ["admin"])));
        return people;
    }
}
