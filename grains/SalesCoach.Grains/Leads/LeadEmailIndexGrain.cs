namespace SalesCoach.Leads;

/// <summary>Finds leads by a contact's email address without scanning leads (the Outlook add-in asks this).</summary>
public sealed class LeadEmailIndexGrain(
    [PersistentState("emailIndex", StorageNames.Leads)] IPersistentState<LeadEmailIndexState> state)
    : Grain, ILeadEmailIndexGrain
{
    public async Task AddAsync(string leadId)
    {
        if (state.State.LeadIds.Add(leadId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string leadId)
    {
        if (state.State.LeadIds.Remove(leadId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.LeadIds.Order(StringComparer.Ordinal)]);
}
