using Orleans.Runtime;
using Orleans.Storage;

namespace SalesCoach.Bench;

/// <summary>
/// Grain storage that keeps nothing: <c>metrics</c> puts the funnel grain's state here so that loading a
/// million events is not dominated by copying the whole (growing) state on every group-commit write —
/// the measure is about queries, which never touch storage.
/// </summary>
public sealed class DiscardingStorage : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
}
