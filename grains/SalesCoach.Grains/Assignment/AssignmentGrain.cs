using SalesCoach.Common;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Assignment;

/// <summary>Applies a rule set to a lead and keeps the round-robin positions of one pipeline (or stage).</summary>
public sealed class AssignmentGrain(
    [PersistentState("assignment", StorageNames.Directory)] IPersistentState<AssignmentState> state,
    IGrainFactory grains) : Grain, IAssignmentGrain
{
    public Task<string?> AssignAsync(IReadOnlyList<AssignmentRule> rules, LeadFacts facts) => PickAsync(rules, facts, null);

    public Task<string?> AssignExcludingAsync(IReadOnlyList<AssignmentRule> rules, LeadFacts facts, string excludedRepId) =>
        PickAsync(rules, facts, excludedRepId);

    private async Task<string?> PickAsync(IReadOnlyList<AssignmentRule> rules, LeadFacts facts, string? excluded)
    {
        var index = AssignmentRules.FirstMatch(rules, facts);
        if (index < 0)
        {
            return null;
        }

        var rule = rules[index];
        var roster = await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).ListAsync();
        var members = rule.To.Team is { } teamId && await grains.GetGrain<ITeamGrain>(teamId).GetAsync() is { } team
            ? team.Members
            : [];
        var candidates = AssignmentRules.Candidates(rule.To, roster, members).Where(id => id != excluded).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (rule.Strategy == "leastLoaded")
        {
            var loads = await Task.WhenAll(candidates.Select(id => grains.GetGrain<IRepGrain>(id).GetLoadAsync()));
            return AssignmentRules.PickLeastLoaded(candidates, loads);
        }

        var key = $"{index}:{string.Join(',', candidates)}";
        var cursor = state.State.Cursors.GetValueOrDefault(key);
        state.State.Cursors[key] = cursor + 1;
        await state.WriteOrReloadAsync();
        return AssignmentRules.PickRoundRobin(candidates, cursor);
    }
}
