using Microsoft.Extensions.Options;
using SalesCoach.DirectorySync;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>
/// Feeds the rep and team grains from the directory: each user's name, email and manager (what a
/// manager typed — territory, products, tier, quota, roles, away — is kept), and each configured
/// team's members from its Entra group (the team's manager: as saved, else its members' usual manager).
/// With <see cref="GraphOptions.InstallAppOnSync"/>, team members the bot cannot reach yet are offered the Teams app.
/// </summary>
public sealed class DirectorySynchronizer(IDirectory directory, IGrainFactory grains, IOptions<GraphOptions> options, ProactiveReach? reach = null)
{
    /// <summary>The counts of one sync (<paramref name="AppOffered"/>: reps asked to get the Teams app this time).</summary>
    public sealed record Result(bool Configured, int Reps, int Teams, int AppOffered = 0);

    public async Task<Result> SyncAsync(CancellationToken cancellationToken)
    {
        if (!directory.IsConfigured)
        {
            return new Result(false, 0, 0);
        }

        var users = await directory.ListUsersAsync(cancellationToken);
        var teamOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var teams = 0;
        foreach (var (teamId, groupId) in options.Value.TeamGroups)
        {
            var members = await directory.ListGroupMembersAsync(groupId, cancellationToken);
            foreach (var member in members)
            {
                teamOf[member] = teamId;
            }

            var team = grains.GetGrain<ITeamGrain>(teamId);
            var saved = await team.GetAsync();
            var manager = saved?.ManagerId is { Length: > 0 } kept
                ? kept
                : users.Where(u => members.Contains(u.Id) && u.ManagerId is not null)
                    .GroupBy(u => u.ManagerId!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "";
            await team.SaveAsync((saved ?? new TeamProfile { Id = teamId, Name = teamId }) with { Members = [.. members], ManagerId = manager });
            teams++;
        }

        foreach (var user in users)
        {
            var rep = grains.GetGrain<IRepGrain>(user.Id);
            var profile = await rep.GetProfileAsync() ?? new RepProfile { Id = user.Id };
            var synced = profile with
            {
                Name = user.Name,
                Email = user.Email ?? profile.Email,
                ManagerId = user.ManagerId ?? profile.ManagerId,
                TeamId = teamOf.GetValueOrDefault(user.Id) ?? profile.TeamId,
            };
            if (synced != profile || profile.Name.Length == 0)
            {
                await rep.SaveProfileAsync(synced);
            }
        }

        var offered = 0;
        if (options.Value.InstallAppOnSync && reach is { IsConfigured: true })
        {
            // Team members only: the directory lists the whole tenant, and only the sales teams need the bot.
            foreach (var member in teamOf.Keys)
            {
                if (await grains.GetGrain<IRepGrain>(member).GetConversationAsync() is null && await reach.OfferAsync(member))
                {
                    offered++;
                }
            }
        }

        return new Result(true, users.Count, teams, offered);
    }
}
