using Orleans.Storage;

namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>The fixture's SQLite storage with the write failures <see cref="StorageFaults"/> arms.</summary>
public sealed class FaultyStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        switch (faults.Take(stateName))
        {
            case false:
                throw new IOException($"Injected failure before writing {stateName}.");
            case true:
                // Stored, but the caller hears a failure and keeps its old ETag, as after a lost acknowledgement.
                var etag = grainState.ETag;
                await inner.WriteStateAsync(stateName, grainId, grainState);
                grainState.ETag = etag;
                throw new IOException($"Injected failure after writing {stateName}.");
            default:
                await inner.WriteStateAsync(stateName, grainId, grainState);
                break;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
