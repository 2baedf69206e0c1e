using SalesCoach.Leads;

namespace SalesCoach.Enrichment;

/// <summary>Finds leads by a contact's company domain without scanning leads ("others at acme.example").</summary>
public sealed class LeadDomainIndexGrain(
    [PersistentState("domainIndex", StorageNames.Leads)] IPersistentState<LeadEmailIndexState> state)
    : Grain, ILeadDomainIndexGrain
{
    private readonly LeadIdSet leads = new(state);

    public Task AddAsync(string leadId) => leads.AddAsync(leadId);

    public Task RemoveAsync(string leadId) => leads.RemoveAsync(leadId);

    public Task<IReadOnlyList<string>> ListAsync() => leads.ListAsync();
}
