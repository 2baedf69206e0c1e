using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;

namespace SalesCoach.Assignment;

/// <summary>Plain assignment rules: which rule applies to a lead, who its candidates are, whom a strategy picks.</summary>
public static class AssignmentRules
{
    /// <summary>The index of the first rule whose conditions the lead meets, or -1.</summary>
    public static int FirstMatch(IReadOnlyList<AssignmentRule> rules, LeadFacts facts)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (Matches(rules[i].When, facts))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool Matches(AssignmentCondition? when, LeadFacts facts) =>
        when is null
        || (Same(when.Territory, facts.Territory)
            && Same(when.Product, facts.Product)
            && Same(when.Source, facts.Source)
            && (when.ValueAtLeast is null || facts.Value >= when.ValueAtLeast)
            && (when.ValueBelow is null || facts.Value < when.ValueBelow));

    /// <summary>The reps a rule names, in a stable order, without those marked away.</summary>
    public static IReadOnlyList<string> Candidates(AssignmentTarget to, IReadOnlyList<RepProfile> roster, IReadOnlyList<string> teamMembers)
    {
        var away = roster.Where(r => r.Away).Select(r => r.Id).ToHashSet();
        IEnumerable<string> named = to switch
        {
            { Reps: { Count: > 0 } reps } => reps,
            { Team: not null } => teamMembers,
            { Tier: { } tier } => roster.Where(r => r.Tier == tier).Select(r => r.Id).Order(StringComparer.Ordinal),
            _ => [],
        };
        return [.. named.Distinct().Where(id => !away.Contains(id))];
    }

    /// <summary>Round robin: the candidate after the last one picked.</summary>
    public static string PickRoundRobin(IReadOnlyList<string> candidates, int cursor) => candidates[cursor % candidates.Count];

    /// <summary>Least loaded: the candidate with the fewest open leads; ties go to the earlier candidate.</summary>
    public static string PickLeastLoaded(IReadOnlyList<string> candidates, IReadOnlyList<int> loads)
    {
        var best = 0;
        for (var i = 1; i < candidates.Count; i++)
        {
            if (loads[i] < loads[best])
            {
                best = i;
            }
        }

        return candidates[best];
    }

    private static bool Same(string? wanted, string? actual) =>
        wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
}
