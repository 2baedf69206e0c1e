namespace SalesCoach.Common;

/// <summary>Writes of a grain's <see cref="IPersistentState{TState}"/> that leave memory no further ahead than storage.</summary>
public static class PersistentStateWrites
{
    /// <summary>
    /// Writes the state; when the write fails, reads back what is stored before the failure goes to the caller.
    /// Without it the change stays in memory unstored, and the caller's retry of the same change finds it
    /// "already there" and skips the write: lost at the next activation.
    /// </summary>
    public static async Task WriteOrReloadAsync<TState>(this IPersistentState<TState> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }
}
