using SalesCoach.Common;

namespace SalesCoach.Bot.Auth;

/// <summary>Turns the authenticated HTTP caller into an <see cref="Actor"/>, or null when there is none.</summary>
public sealed class CallerResolver(ActorResolver actors)
{
    public async Task<Actor?> ResolveAsync(HttpContext context)
    {
        var id = context.User.FindFirst(CallerClaims.UserId)?.Value;
        return string.IsNullOrWhiteSpace(id) ? null : await actors.ResolveAsync(id);
    }
}
