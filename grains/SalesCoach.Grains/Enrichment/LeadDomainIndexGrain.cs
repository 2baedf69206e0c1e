using SalesCoach.Leads;

namespace SalesCoach.Enrichment;

/// <summary>Finds leads by a contact's company domain without scanning leads ("others at acme.example").</summary>
public sealed class LeadDomainIndexGrain(
    [PersistentState("domainIndex", StorageNames.Leads)] IPersistentState<LeadEmailIndexState> state)
    : Grain, ILeadDomainIndexGrain
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
