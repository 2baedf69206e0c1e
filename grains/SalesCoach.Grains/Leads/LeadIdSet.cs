using SalesCoach.Common;

namespace SalesCoach.Leads;

/// <summary>
/// A persisted set of lead ids: what the email and company-domain indexes keep per key. A failed write is read
/// back, so the lead's re-delivery of the change writes it instead of finding it already there.
/// </summary>
internal sealed class LeadIdSet(IPersistentState<LeadEmailIndexState> state)
{
    /// <summary>Adds the lead; writes only when it was not there (a repeat changes nothing).</summary>
    public async Task AddAsync(string leadId)
    {
        if (state.State.LeadIds.Add(leadId))
        {
            await state.WriteOrReloadAsync();
        }
    }

    /// <summary>Removes the lead; writes only when it was there.</summary>
    public async Task RemoveAsync(string leadId)
    {
        if (state.State.LeadIds.Remove(leadId))
        {
            await state.WriteOrReloadAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.LeadIds.Order(StringComparer.Ordinal)]);
}
