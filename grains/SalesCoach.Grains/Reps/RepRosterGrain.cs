namespace SalesCoach.Reps;

/// <summary>The list of reps, kept current by each rep grain when its profile is saved.</summary>
public sealed class RepRosterGrain(
    [PersistentState("roster", StorageNames.Directory)] IPersistentState<RepRosterState> state)
    : Grain, IRepRosterGrain
{
    public async Task UpsertAsync(RepProfile profile)
    {
        if (state.State.Reps.TryGetValue(profile.Id, out var existing) && existing == profile)
        {
            return;
        }

        state.State.Reps[profile.Id] = profile;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<RepProfile>> ListAsync() =>
        Task.FromResult<IReadOnlyList<RepProfile>>([.. state.State.Reps.Values.OrderBy(r => r.Id, StringComparer.Ordinal)]);
}
