using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Storage.Tests.Sqlite;

public sealed class SqliteConnectionFactoryTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task OpenAsync_NewFile_CreatesDirectoryAndWalDatabase()
    {
        using var factory = CreateFactory(_database.CreateOptions());

        await using var connection = await factory.OpenAsync();

        Assert.True(File.Exists(_database.FilePath));
        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
    }

    [Fact]
    public async Task OpenAsync_NewFile_CreatesTablesAndRingIndex()
    {
        using var factory = CreateFactory(_database.CreateOptions());

        await using var connection = await factory.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        Assert.Equal(new[] { "grain_state", "ix_reminders_ring", "reminders" }, names);
    }

    [Fact]
    public async Task OpenAsync_DefaultOptions_AppliesFullSyncBusyTimeoutForeignKeysAndTheCheckpointBackstop()
    {
        using var factory = CreateFactory(_database.CreateOptions());

        await using var connection = await factory.OpenAsync();

        Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
        Assert.Equal("5000", await PragmaAsync(connection, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
        Assert.Equal("4000", await PragmaAsync(connection, "wal_autocheckpoint")); // the backstop; SqliteCheckpointer copies the log before
    }

    [Fact]
    public async Task OpenAsync_ConfiguredOptions_AppliesThem()
    {
        var options = _database.CreateOptions();
        options.Synchronous = "normal";
        options.BusyTimeout = TimeSpan.FromMilliseconds(250);
        using var factory = CreateFactory(options);

        await using var connection = await factory.OpenAsync();

        Assert.Equal("1", await PragmaAsync(connection, "synchronous"));
        Assert.Equal("250", await PragmaAsync(connection, "busy_timeout"));
    }

    [Fact]
    public async Task OpenAsync_PooledConnectionLastOpenedByAFactoryWithOtherPragmas_GetsItsOwn()
    {
        var normal = _database.CreateOptions();
        normal.Synchronous = "normal";
        using var full = CreateFactory(_database.CreateOptions());
        using var relaxed = CreateFactory(normal);

        // One file, one pool: each open below takes the physical connection the previous one returned.
        var seen = new List<string?>();
        foreach (var factory in new[] { full, relaxed, relaxed, full })
        {
            await using var connection = await factory.OpenAsync();
            seen.Add(await PragmaAsync(connection, "synchronous"));
        }

        Assert.Equal(["2", "1", "1", "2"], seen);
    }

    [Fact]
    public async Task EnsureSchemaAsync_SecondFactoryOnSameFile_Succeeds()
    {
        using var first = CreateFactory(_database.CreateOptions());
        using var second = CreateFactory(_database.CreateOptions());

        await first.EnsureSchemaAsync();
        await second.EnsureSchemaAsync();

        await using var connection = await second.OpenAsync();
        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
    }

    [Fact]
    public void Constructor_MissingPath_ThrowsOptionsValidationException()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => CreateFactory(new SqliteStorageOptions()));

        Assert.Contains("Path is required", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();

    private static SqliteConnectionFactory CreateFactory(SqliteStorageOptions options) => new(options, NullLogger.Instance);

    private static async Task<string?> PragmaAsync(SqliteConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
