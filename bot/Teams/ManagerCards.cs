using SalesCoach.Access;
using SalesCoach.Analytics;
using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Common;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Bot.Teams;

/// <summary>
/// The managers' cards in chat: the funnel (pipeline, team, rep and period filters) and coaching per
/// rep (rep, period and pipeline), read from the pipeline's aggregates with the same rules as
/// <c>/api/metrics</c>: an administrator sees all, a manager their teams and their reps, a rep themselves.
/// Without a pipeline named, the team's pipeline (<see cref="PipelineChoice"/>), else the first.
/// </summary>
public sealed class ManagerCards(IGrainFactory grains, SalesClock clock)
{
    private readonly PipelineChoice pipelines = new(grains);

    /// <summary>The funnel card for <paramref name="actor"/>, filtered as asked (a filter they may not use is dropped).</summary>
    public async Task<AdaptiveCard> FunnelAsync(Actor actor, CardContext cards, string? teamId = null, string? repId = null, string? period = null, string? pipelineId = null)
    {
        var (teams, reps) = await ScopeAsync(actor);
        teamId = teams.Any(t => t.Id == teamId) ? teamId : null;
        repId = repId == actor.Id || reps.Any(r => r.Id == repId) ? repId : null;
        if (teamId is null && repId is null && !actor.IsAdmin)
        {
            teamId = teams.FirstOrDefault()?.Id;
            repId = teamId is null ? actor.Id : null;
        }

        var homeTeam = teamId ?? (repId is not null ? reps.FirstOrDefault(r => r.Id == repId)?.TeamId : teams.FirstOrDefault()?.Id);
        var (pipeline, problem) = await pipelines.ChooseAsync(pipelineId, homeTeam, [.. reps.Where(r => r.TeamId == homeTeam).Select(r => r.Id)]);
        if (pipeline is null)
        {
            return CommandHandler.Notice(problem ?? "There is no pipeline yet, so there is no funnel to show.", cards);
        }

        var (from, to) = FunnelPeriods.Resolve(period, clock.Now);
        var filter = new MetricsFilter { From = from, To = to, TeamId = teamId, RepId = repId };
        var funnel = grains.GetGrain<IFunnelGrain>(pipeline.Id);
        var inScope = reps.Where(r => (repId is null || r.Id == repId) && (teamId is null || r.TeamId == teamId)).ToList();
        var quota = repId is not null ? reps.FirstOrDefault(r => r.Id == repId)?.Quota
            : teams.FirstOrDefault(t => t.Id == teamId)?.Quota ?? Sum(inScope.Select(r => r.Quota));
        var scope = repId is not null ? cards.NameOf(repId)
            : teamId is not null ? $"Team {teams.First(t => t.Id == teamId).Name}"
            : "All teams";
        return FunnelCard.Build(
            new FunnelView(
                scope,
                period ?? FunnelPeriods.Last90Days,
                await funnel.GetFunnelAsync(filter),
                await funnel.GetForecastAsync(filter),
                quota,
                [.. teams.Select(t => (t.Id, t.Name))],
                [.. reps.Select(r => (r.Id, string.IsNullOrWhiteSpace(r.Name) ? r.Id : r.Name))],
                teamId,
                repId,
                pipeline.Id,
                pipeline.Name,
                await PipelineOptionsAsync()),
            cards);
    }

    /// <summary>
    /// The coaching card for the rep named by id or name (<c>coach &lt;rep&gt; [pipeline]</c>: a trailing
    /// pipeline id or name picks the pipeline), if the actor may see them.
    /// </summary>
    public async Task<AdaptiveCard> CoachAsync(Actor actor, string who, CardContext cards, string? period = null, string? pipelineId = null)
    {
        if (string.IsNullOrWhiteSpace(who))
        {
            return CommandHandler.Notice("Whom should I coach? Write: coach <rep name or id> [pipeline]", cards);
        }

        var rep = await FindRepAsync(who);
        if (rep is null && pipelineId is null)
        {
            var (name, trailing) = PipelineChoice.SplitTrailing(who, await pipelines.ListAsync());
            if (trailing is not null && await FindRepAsync(name) is { } found)
            {
                (rep, pipelineId) = (found, trailing);
            }
        }

        if (rep is null)
        {
            return CommandHandler.Notice($"I know no rep called \"{who}\".", cards);
        }

        if (rep.Id != actor.Id && !actor.IsAdmin && !await AccessRules.IsManagerOfAsync(grains, actor.Id, rep.Id))
        {
            return CommandHandler.Notice($"Only {Name(rep)}'s manager or an administrator may see their coaching card.", cards);
        }

        var roster = await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).ListAsync();
        var (pipeline, problem) = await pipelines.ChooseAsync(pipelineId, rep.TeamId, [.. roster.Where(r => r.TeamId is not null && r.TeamId == rep.TeamId).Select(r => r.Id)]);
        if (pipeline is null)
        {
            return CommandHandler.Notice(problem ?? "There is no pipeline yet, so there is nothing to coach on.", cards);
        }

        var (from, to) = FunnelPeriods.Resolve(period ?? FunnelPeriods.Last90Days, clock.Now);
        var coaching = await grains.GetGrain<IFunnelGrain>(pipeline.Id)
            .GetCoachingAsync(rep.Id, new MetricsFilter { From = from, To = to, TeamId = rep.TeamId });
        var stats = await grains.GetGrain<IRepGrain>(rep.Id).GetStatsAsync();
        var guidance = pipeline.Stages.Find(s => s.Id == coaching.WeakestStage)?.Guidance;
        var coachable = (await ScopeAsync(actor)).Reps.Where(r => r.Id != actor.Id || r.Id == rep.Id).Select(r => (r.Id, Name(r))).ToList();
        if (!coachable.Any(r => r.Id == rep.Id))
        {
            coachable.Insert(0, (rep.Id, Name(rep)));
        }

        var filters = new CoachingFilters(rep.Id, coachable, period ?? FunnelPeriods.Last90Days, pipeline.Id, pipeline.Name, await PipelineOptionsAsync());
        return CoachingCard.Build(coaching with { Kudos = stats.Kudos, Praise = stats.Praise }, Name(rep), CoachingSuggestion.From(guidance), cards, filters);
    }

    /// <summary>A rep by exact id, else by name (exact, then starting with, then containing).</summary>
    public async Task<RepProfile?> FindRepAsync(string text)
    {
        var wanted = text.Trim().TrimStart('@');
        var roster = await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).ListAsync();
        return roster.FirstOrDefault(r => string.Equals(r.Id, wanted, StringComparison.OrdinalIgnoreCase))
            ?? roster.FirstOrDefault(r => string.Equals(r.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? roster.FirstOrDefault(r => r.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
            ?? roster.FirstOrDefault(r => r.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The reps the actor may send kudos to: everyone for an administrator, else the reps they manage.</summary>
    public async Task<IReadOnlyList<RepProfile>> ManagedRepsAsync(Actor actor) => (await ScopeAsync(actor)).Reps.Where(r => r.Id != actor.Id).ToList();

    /// <summary>Whether the actor manages anyone (or is an administrator): the manager commands are for them.</summary>
    public async Task<bool> IsManagerAsync(Actor actor) => actor.IsAdmin || (await ScopeAsync(actor)).Reps.Any(r => r.Id != actor.Id);

    /// <summary>Teams the actor manages (all for an administrator) and the reps they may see.</summary>
    private async Task<(List<TeamProfile> Teams, List<RepProfile> Reps)> ScopeAsync(Actor actor)
    {
        var roster = await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).ListAsync();
        var teams = await AccessRules.TeamsManagedByAsync(grains, roster, actor.Id, actor.IsAdmin);
        var reps = roster.Where(r => actor.IsAdmin || r.ManagerId == actor.Id || teams.Any(t => t.Id == r.TeamId))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return (teams, reps);
    }

    private async Task<IReadOnlyList<(string Id, string Name)>> PipelineOptionsAsync() =>
        [.. (await pipelines.ListAsync()).Select(p => (p.Id, p.Name))];

    private static decimal? Sum(IEnumerable<decimal?> quotas)
    {
        var set = quotas.OfType<decimal>().ToList();
        return set.Count == 0 ? null : set.Sum();
    }

    private static string Name(RepProfile rep) => string.IsNullOrWhiteSpace(rep.Name) ? rep.Id : rep.Name;
}
