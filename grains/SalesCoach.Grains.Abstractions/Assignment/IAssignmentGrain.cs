using SalesCoach.Leads;
using SalesCoach.Pipelines;

namespace SalesCoach.Assignment;

/// <summary>Picks an owner for a lead from a rule set and remembers each rule's round-robin position. Key = pipeline id (plus stage).</summary>
[Alias("SalesCoach.Assignment.IAssignmentGrain")]
public interface IAssignmentGrain : IGrainWithStringKey
{
    /// <summary>The rep the first matching rule picks, or null when no rule matches or no rep is available.</summary>
    [Alias("Assign")]
    Task<string?> AssignAsync(IReadOnlyList<AssignmentRule> rules, LeadFacts facts);

    /// <summary>As <see cref="AssignAsync"/>, never picking <paramref name="excludedRepId"/> (a stale lead's current owner).</summary>
    [Alias("AssignExcluding")]
    Task<string?> AssignExcludingAsync(IReadOnlyList<AssignmentRule> rules, LeadFacts facts, string excludedRepId);
}
