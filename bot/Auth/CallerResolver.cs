using Microsoft.Extensions.Options;
using SalesCoach.Bot.Hosting;
using SalesCoach.Common;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Auth;

/// <summary>Turns the authenticated caller into the <see cref="Actor"/> grains check: an admin by configuration or by profile role.</summary>
public sealed class CallerResolver(IOptions<AuthSettings> auth, IGrainFactory grains)
{
    public async Task<Actor?> ResolveAsync(HttpContext context)
    {
        var id = context.User.FindFirst(CallerClaims.UserId)?.Value;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var isAdmin = auth.Value.EffectiveAdmins.Contains(id)
            || (await grains.GetGrain<IRepGrain>(id).GetProfileAsync())?.Roles.Contains("admin") == true;
        return new Actor(id, isAdmin);
    }
}
