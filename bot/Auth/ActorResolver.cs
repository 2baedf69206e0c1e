using Microsoft.Extensions.Options;
using SalesCoach.Bot.Hosting;
using SalesCoach.Common;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Auth;

/// <summary>Turns a rep id into the <see cref="Actor"/> grains check: an admin by configuration or by profile role.</summary>
public sealed class ActorResolver(IOptions<AuthSettings> auth, IGrainFactory grains)
{
    public async Task<Actor> ResolveAsync(string repId)
    {
        var isAdmin = auth.Value.EffectiveAdmins.Contains(repId)
            || (await grains.GetGrain<IRepGrain>(repId).GetProfileAsync())?.Roles.Contains("admin") == true;
        return new Actor(repId, isAdmin);
    }
}
