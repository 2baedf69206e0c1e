using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Bench;

/// <summary>
/// Counts the writes each state name makes (how many durable writes one command costs), around the SQLite
/// provider; numbered names (the funnel's journal pages, "funnel.journal.17") count under one kind.
/// </summary>
public sealed class CountingStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public static ConcurrentDictionary<string, long> Writes { get; } = new(StringComparer.Ordinal);

    public static long TotalWrites => Writes.Values.Sum();

    public static ISiloBuilder Wrap(ISiloBuilder silo, string name) =>
        silo.ConfigureServices(services => services.AddGrainStorage(name, (sp, n) => new CountingStorage(
            ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp, n, sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(n)))));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Writes.AddOrUpdate(stateName.TrimEnd("0123456789".ToCharArray()).TrimEnd('.'), 1, (_, n) => n + 1);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
