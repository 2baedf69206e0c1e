using Orleans.Hosting;

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
        => ProviderRegistration.AddGrainStorage<SqliteGrainStorage, SqliteStorageOptions, SqliteStorageOptionsValidator>(builder, name, configure);

    /// <summary>Adds the reminder service with its table in SQLite.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Configures the options; <see cref="SqliteStorageOptions.Path"/> is required.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteStorageOptions> configure)
        => ProviderRegistration.UseReminderTable<SqliteReminderTable, SqliteStorageOptions, SqliteStorageOptionsValidator>(builder, SqliteReminderTable.OptionsName, configure);
}
