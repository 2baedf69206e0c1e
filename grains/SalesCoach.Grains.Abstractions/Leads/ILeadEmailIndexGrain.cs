namespace SalesCoach.Leads;

/// <summary>The leads whose contacts include one email address; key = the lower-cased address.</summary>
[Alias("SalesCoach.Leads.ILeadEmailIndexGrain")]
public interface ILeadEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>Records that the lead lists this address (idempotent).</summary>
    [Alias("Add")]
    Task AddAsync(string leadId);

    /// <summary>Records that the lead no longer lists this address (idempotent).</summary>
    [Alias("Remove")]
    Task RemoveAsync(string leadId);

    /// <summary>The ids of the leads listing this address.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
