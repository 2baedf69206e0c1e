using SalesCoach.Leads;

namespace SalesCoach.Pipelines;

/// <summary>Whether a new lead fits a pipeline's criteria (missing criteria match every lead).</summary>
public static class CriteriaMatcher
{
    public static bool Matches(PipelineCriteria? criteria, LeadFacts facts)
    {
        if (criteria is null)
        {
            return true;
        }

        return InList(criteria.Products, facts.Product)
            && InList(criteria.Territories, facts.Territory)
            && InList(criteria.Sources, facts.Source)
            && (facts.Value is not { } value // a value not yet known does not rule a pipeline out
                || ((criteria.ValueAtLeast is null || value >= criteria.ValueAtLeast)
                    && (criteria.ValueBelow is null || value < criteria.ValueBelow)));
    }

    private static bool InList(List<string>? allowed, string? value) =>
        allowed is not { Count: > 0 } || (value is not null && allowed.Contains(value, StringComparer.OrdinalIgnoreCase));
}
