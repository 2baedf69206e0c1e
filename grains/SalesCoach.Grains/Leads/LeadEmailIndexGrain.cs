namespace SalesCoach.Leads;

/// <summary>Finds leads by a contact's email address without scanning leads (the Outlook add-in asks this).</summary>
public sealed class LeadEmailIndexGrain(
    [PersistentState("emailIndex", StorageNames.Leads)] IPersistentState<LeadEmailIndexState> state)
    : Grain, ILeadEmailIndexGrain
{
    private readonly LeadIdSet leads = new(state);

    public Task AddAsync(string leadId) => leads.AddAsync(leadId);

    public Task RemoveAsync(string leadId) => leads.RemoveAsync(leadId);

    public Task<IReadOnlyList<string>> ListAsync() => leads.ListAsync();
}
