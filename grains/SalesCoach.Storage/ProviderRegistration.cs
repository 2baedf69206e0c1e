using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Session;
using Orleans.Storage;

namespace SalesCoach.Storage;

/// <summary>
/// How each provider here (SQLite, Cosmos DB) puts its grain storage and reminder table on a silo:
/// named options, validated at start-up, handed to the provider's constructor.
/// </summary>
internal static class ProviderRegistration
{
    /// <summary>Adds grain storage <paramref name="name"/>, built by <typeparamref name="TStorage"/> from options of the same name.</summary>
    public static ISiloBuilder AddGrainStorage<TStorage, TOptions, TValidator>(ISiloBuilder builder, string name, Action<TOptions> configure)
        where TStorage : class, IGrainStorage
        where TOptions : class, IStorageSerializerOptions
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);

        AddValidatedOptions<TOptions, TValidator>(builder.Services, name, configure)
            .PostConfigure<Serializer, SerializerSessionPool>((options, serializer, sessions) => options.GrainStorageSerializer ??= new ExactSizeGrainStorageSerializer(serializer, sessions));
        builder.Services.AddGrainStorage(name, (services, storageName) => ActivatorUtilities.CreateInstance<TStorage>(
            services, storageName, services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(storageName)));
        return builder;
    }

    /// <summary>Adds the reminder service with <typeparamref name="TTable"/>, built from the options named <paramref name="optionsName"/>.</summary>
    public static ISiloBuilder UseReminderTable<TTable, TOptions, TValidator>(ISiloBuilder builder, string optionsName, Action<TOptions> configure)
        where TTable : class, IReminderTable
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        builder.AddReminders();
        AddValidatedOptions<TOptions, TValidator>(builder.Services, optionsName, configure);
        builder.Services.AddSingleton<IReminderTable>(services => ActivatorUtilities.CreateInstance<TTable>(
            services, services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(optionsName)));
        return builder;
    }

    private static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(IServiceCollection services, string name, Action<TOptions> configure)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        // The validator runs for every named instance; ValidateOnStart makes bad options stop the host at start-up.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        var options = services.AddOptions<TOptions>(name).Configure(configure);
        options.ValidateOnStart();
        return options;
    }
}
