using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

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
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);

        AddValidatedOptions(builder.Services, name, configure)
            .PostConfigure<Serializer>((options, serializer) => options.GrainStorageSerializer ??= new OrleansGrainStorageSerializer(serializer));
        builder.Services.AddGrainStorage(name, CreateGrainStorage);
        return builder;
    }

    /// <summary>Adds the reminder service with its table in Cosmos DB.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Configures the options; the endpoint and a key or credential are required.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseCosmosReminderService(this ISiloBuilder builder, Action<CosmosStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        builder.AddReminders();
        AddValidatedOptions(builder.Services, CosmosReminderTable.OptionsName, configure);
        builder.Services.AddSingleton<IReminderTable>(services => ActivatorUtilities.CreateInstance<CosmosReminderTable>(
            services, services.GetRequiredService<IOptionsMonitor<CosmosStorageOptions>>().Get(CosmosReminderTable.OptionsName)));
        return builder;
    }

    private static OptionsBuilder<CosmosStorageOptions> AddValidatedOptions(IServiceCollection services, string name, Action<CosmosStorageOptions> configure)
    {
        // One client per account for the whole silo; the validator runs for every named instance at startup.
        services.TryAddSingleton<CosmosClientPool>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CosmosStorageOptions>, CosmosStorageOptionsValidator>());
        var options = services.AddOptions<CosmosStorageOptions>(name).Configure(configure);
        options.ValidateOnStart();
        return options;
    }

    private static CosmosGrainStorage CreateGrainStorage(IServiceProvider services, string name)
        => ActivatorUtilities.CreateInstance<CosmosGrainStorage>(
            services, name, services.GetRequiredService<IOptionsMonitor<CosmosStorageOptions>>().Get(name));
}
