using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace SalesCoach.Storage.Cosmos;

/// <summary>
/// Registers the Cosmos DB grain storage and reminder table on a silo.
/// </summary>
public static class HostingExtensions
{
    /// <summary>Adds a Cosmos DB grain storage provider named <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The storage name, as used in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configure">Configures the options; the endpoint and a key or credential are required.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddCosmosGrainStorage(this ISiloBuilder builder, string name, Action<CosmosStorageOptions> configure)
        => ProviderRegistration.AddGrainStorage<CosmosGrainStorage, CosmosStorageOptions, CosmosStorageOptionsValidator>(WithClientPool(builder), name, configure);

    /// <summary>Adds the reminder service with its table in Cosmos DB.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Configures the options; the endpoint and a key or credential are required.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseCosmosReminderService(this ISiloBuilder builder, Action<CosmosStorageOptions> configure)
        => ProviderRegistration.UseReminderTable<CosmosReminderTable, CosmosStorageOptions, CosmosStorageOptionsValidator>(WithClientPool(builder), CosmosReminderTable.OptionsName, configure);

    /// <summary>One client per account for the whole silo, shared by every storage and the reminder table.</summary>
    private static ISiloBuilder WithClientPool(ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<CosmosClientPool>();
        return builder;
    }
}
