using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// Registers the SQLite grain storage and reminder table on a silo.
/// </summary>
public static class HostingExtensions
{
    /// <summary>Adds a SQLite grain storage provider named <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The storage name, as used in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configure">Configures the options; <see cref="SqliteStorageOptions.Path"/> is required.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);

        AddValidatedOptions(builder.Services, name, configure)
            .PostConfigure<Serializer>((options, serializer) => options.GrainStorageSerializer ??= new OrleansGrainStorageSerializer(serializer));
        builder.Services.AddGrainStorage(name, CreateGrainStorage);
        return builder;
    }

    /// <summary>Adds the reminder service with its table in SQLite.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Configures the options; <see cref="SqliteStorageOptions.Path"/> is required.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        builder.AddReminders();
        AddValidatedOptions(builder.Services, SqliteReminderTable.OptionsName, configure);
        builder.Services.AddSingleton<IReminderTable>(services => ActivatorUtilities.CreateInstance<SqliteReminderTable>(
            services, services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(SqliteReminderTable.OptionsName)));
        return builder;
    }

    private static OptionsBuilder<SqliteStorageOptions> AddValidatedOptions(IServiceCollection services, string name, Action<SqliteStorageOptions> configure)
    {
        // The validator runs for every named instance; ValidateOnStart makes a missing path stop the host at startup.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        var options = services.AddOptions<SqliteStorageOptions>(name).Configure(configure);
        options.ValidateOnStart();
        return options;
    }

    private static SqliteGrainStorage CreateGrainStorage(IServiceProvider services, string name)
        => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(
            services, name, services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(name));
}
