using SalesCoach.Common;

namespace SalesCoach.Reps;

/// <summary>The list of reps, kept current by each rep grain when its profile is saved.</summary>
public sealed class RepRosterGrain(
    [PersistentState("roster", StorageNames.Directory)] IPersistentState<RepRosterState> state)
    : Grain, IRepRosterGrain
{
    // Built once per change, not once per read: every card click reads the names.
    private RepProfile[]? sorted;
    private RepNames? names;

    public async Task UpsertAsync(RepProfile profile)
    {
        if (state.State.Reps.TryGetValue(profile.Id, out var existing) && existing == profile)
        {
            return;
        }

        state.State.Reps[profile.Id] = profile;
        try
        {
            await state.WriteOrReloadAsync();
        }
        finally
        {
            // Reads interleave with the write (and with the reload after a failed one): what they cached meanwhile
            // is dropped once memory holds what is stored.
            sorted = null;
            names = null;
        }
    }

    public Task<IReadOnlyList<RepProfile>> ListAsync() =>
        Task.FromResult<IReadOnlyList<RepProfile>>(sorted ??= [.. state.State.Reps.Values.OrderBy(r => r.Id, StringComparer.Ordinal)]);

    public Task<RepNames> NamesAsync() =>
        Task.FromResult(names ??= new RepNames { ByRep = state.State.Reps.Values.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal) });
}
