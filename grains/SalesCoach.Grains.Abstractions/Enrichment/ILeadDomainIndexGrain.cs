namespace SalesCoach.Enrichment;

/// <summary>The leads with a contact at one company domain; key = the lower-cased domain (free-mail domains are not indexed).</summary>
[Alias("SalesCoach.Enrichment.ILeadDomainIndexGrain")]
public interface ILeadDomainIndexGrain : IGrainWithStringKey
{
    /// <summary>Records that the lead has a contact at this domain (idempotent).</summary>
    [Alias("Add")]
    Task AddAsync(string leadId);

    /// <summary>Records that the lead no longer has a contact at this domain (idempotent).</summary>
    [Alias("Remove")]
    Task RemoveAsync(string leadId);

    /// <summary>The ids of the leads with a contact at this domain.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
