using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace SalesCoach.Storage.Memory;

/// <summary>
/// Grain storage in this process's memory: each state kept as its serialized bytes (a copy, so a grain
/// changing its state after a write does not change what is stored), with the same ETag rules as the
/// SQLite and Cosmos providers. Nothing survives the process, and a state is only seen by the silo that
/// wrote it: this is for one silo (benchmarks, the simulation, <c>Storage:Provider=Memory</c>).
/// </summary>
/// <remarks>
/// Orleans' own memory storage keeps state in storage grains, so every write was a grain call carrying
/// a deep copy of the bytes: about a tenth of a lead command's CPU in the <c>commands</c> profile. Here a
/// write is a compare-and-swap on a dictionary.
/// </remarks>
public sealed class InProcessGrainStorage(InProcessStore store, IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(grainState);
        if (!store.Records.TryGetValue((stateName, grainId), out var stored))
        {
            GrainStateDefaults.Reset(grainState, activators);
            return Task.CompletedTask;
        }

        grainState.State = serializer.Deserialize<T>(stored.Data) ?? GrainStateDefaults.Create<T>(activators);
        grainState.ETag = stored.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        var record = new InProcessStore.Record(store.NewETag(), serializer.Serialize(grainState.State));

        // No ETag means "create", which must find nothing; an ETag means "replace", which must match it.
        var written = grainState.ETag is null
            ? store.Records.TryAdd(key, record)
            : store.Records.TryGetValue(key, out var stored) && stored.ETag == grainState.ETag && store.Records.TryUpdate(key, record, stored);
        if (!written)
        {
            return Task.FromException(Conflict("write", key, grainState.ETag));
        }

        grainState.ETag = record.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);

        // No ETag claims there is nothing stored: clearing nothing succeeds, clearing someone's record does not.
        var cleared = grainState.ETag is null
            ? !store.Records.ContainsKey(key)
            : store.Records.TryGetValue(key, out var stored) && stored.ETag == grainState.ETag
                && store.Records.TryRemove(new KeyValuePair<(string, GrainId), InProcessStore.Record>(key, stored));
        if (!cleared)
        {
            return Task.FromException(Conflict("clear", key, grainState.ETag));
        }

        GrainStateDefaults.Reset(grainState, activators);
        return Task.CompletedTask;
    }

    private InconsistentStateException Conflict(string operation, (string State, GrainId Grain) key, string? givenETag)
    {
        var storedETag = store.Records.TryGetValue(key, out var stored) ? stored.ETag : null;
        return new InconsistentStateException(
            $"ETag mismatch on {operation}: state {key.State}, grain {key.Grain}, stored ETag {storedETag ?? "(none)"}, given ETag {givenETag ?? "(none)"}.",
            storedETag ?? string.Empty,
            givenETag ?? string.Empty);
    }
}
