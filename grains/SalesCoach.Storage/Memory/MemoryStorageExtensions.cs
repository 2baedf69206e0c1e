using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace SalesCoach.Storage.Memory;

/// <summary>
/// Orleans' memory grain storage with the Orleans binary serializer, as the SQLite and Cosmos
/// providers use: its default (Newtonsoft JSON with type names) took a third of the CPU of a lead
/// command in the <c>commands</c> profile, and the memory profile should cost what the durable ones do.
/// </summary>
public static class MemoryStorageExtensions
{
    /// <summary>Adds a memory grain storage provider named <paramref name="name"/> that copies state with the Orleans serializer.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The storage name, as used in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddBinaryMemoryGrainStorage(this ISiloBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.AddMemoryGrainStorage(name, (OptionsBuilder<MemoryGrainStorageOptions> options) =>
            options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
    }
}
