using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Access;

/// <summary>Who manages whom: a rep's manager is the profile's manager or the manager of the rep's team.</summary>
public static class AccessRules
{
    public static async Task<bool> IsManagerOfAsync(IGrainFactory grains, string actorId, string repId)
    {
        var profile = await grains.GetGrain<IRepGrain>(repId).GetProfileAsync();
        if (profile is null)
        {
            return false;
        }

        if (profile.ManagerId == actorId)
        {
            return true;
        }

        return profile.TeamId is { } teamId
            && await grains.GetGrain<ITeamGrain>(teamId).GetAsync() is { } team
            && team.ManagerId == actorId;
    }

    /// <summary>Whether the actor belongs to (or manages) the team.</summary>
    public static async Task<bool> IsInTeamAsync(IGrainFactory grains, string actorId, string teamId) =>
        await grains.GetGrain<ITeamGrain>(teamId).GetAsync() is { } team
        && (team.Members.Contains(actorId) || team.ManagerId == actorId);

    /// <summary>
    /// The teams of the roster's reps that the actor manages (every one for an administrator), by
    /// name: the chat's manager cards and the metrics routes agree on a manager's "my team".
    /// </summary>
    public static async Task<List<TeamProfile>> TeamsManagedByAsync(IGrainFactory grains, IEnumerable<RepProfile> roster, string actorId, bool isAdmin)
    {
        var teams = new List<TeamProfile>();
        foreach (var teamId in roster.Select(r => r.TeamId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await grains.GetGrain<ITeamGrain>(teamId).GetAsync() is { } team && (isAdmin || team.ManagerId == actorId))
            {
                teams.Add(team);
            }
        }

        return [.. teams.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
    }
}
