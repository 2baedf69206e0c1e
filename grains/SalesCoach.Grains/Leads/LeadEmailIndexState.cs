namespace SalesCoach.Leads;

/// <summary>The lead ids listing one email address.</summary>
[GenerateSerializer]
public sealed class LeadEmailIndexState
{
    [Id(0)] public HashSet<string> LeadIds { get; set; } = [];
}
