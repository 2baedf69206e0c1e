using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.Session;

namespace SalesCoach.Storage.Memory;

/// <summary>
/// Registers <see cref="InProcessGrainStorage"/>: state copied with the Orleans binary serializer, as the
/// SQLite and Cosmos providers store it, so the memory profile costs what the durable ones do apart from the disk.
/// </summary>
public static class MemoryStorageExtensions
{
    /// <summary>Adds an in-process grain storage provider named <paramref name="name"/> with a store of its own.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The storage name, as used in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddBinaryMemoryGrainStorage(this ISiloBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddGrainStorage(name, (services, _) => new InProcessGrainStorage(
            new InProcessStore(),
            new ExactSizeGrainStorageSerializer(services.GetRequiredService<Serializer>(), services.GetRequiredService<SerializerSessionPool>()),
            services.GetRequiredService<IActivatorProvider>()));
        return builder;
    }
}
