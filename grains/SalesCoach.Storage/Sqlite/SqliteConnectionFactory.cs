using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// Opens configured connections to one SQLite file and creates its schema on first use.
/// </summary>
internal sealed partial class SqliteConnectionFactory : IDisposable
{
    // Schema creation runs once per process per file, whichever provider gets there first.
    private static readonly ConcurrentDictionary<string, Lazy<Task>> SchemaByFile = new(StringComparer.Ordinal);

    // The pragmas last run on each physical connection (a pooled connection reuses its handle).
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> PragmasApplied = new();

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="SqliteConnectionFactory"/> class.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public SqliteConnectionFactory(SqliteStorageOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        SqliteStorageOptionsValidator.ThrowIfInvalid(null, options);

        FilePath = System.IO.Path.GetFullPath(options.Path!);
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();

        // Per-connection settings: pooled connections keep them, but a new physical connection needs them.
        var busyMs = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        // wal_autocheckpoint: the writer's own checkpoint is the backstop; SqliteCheckpointer copies the log beside it.
        _pragmas = $"PRAGMA busy_timeout = {busyMs}; PRAGMA synchronous = {options.Synchronous.ToUpperInvariant()}; PRAGMA foreign_keys = ON; " +
            $"PRAGMA wal_autocheckpoint = {SqliteCheckpointer.WriterBackstopPages};";
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Gets what tells two factories' connections apart: the file and the per-connection pragmas (e.g. <c>synchronous</c>).</summary>
    public string Key => $"{FilePath}|{_pragmas}";

    /// <summary>Opens a connection with the configured pragmas, creating the schema first if needed.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConfiguredAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the directory, switches the file to WAL and creates the tables, once per process.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        var schema = SchemaByFile.GetOrAdd(FilePath, _ => new Lazy<Task>(CreateSchemaAsync));
        var task = schema.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // Let the next caller retry (e.g. after a permissions fix) instead of caching the failure.
            SchemaByFile.TryRemove(new KeyValuePair<string, Lazy<Task>>(FilePath, schema));
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>Closes the idle pooled connections to the file, so that it can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task CreateSchemaAsync()
    {
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Not cancellable: it is shared by every caller, and one caller's cancellation must not fail the others.
        await using var connection = await OpenConfiguredAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // journal_mode is stored in the file, so setting it once here covers every later connection.
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + SqliteSchema.CreateTables;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        LogSchemaReady(FilePath);
    }

    private async Task<SqliteConnection> OpenConfiguredAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // A pooled connection keeps its settings: they run on a new physical connection, or on one another
            // factory for the same file (the pool is per connection string) last set up with other pragmas.
            var handle = connection.Handle!;
            if (!PragmasApplied.TryGetValue(handle, out var applied) || applied != _pragmas)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = _pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                PragmasApplied.AddOrUpdate(handle, _pragmas);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite schema ready in {FilePath}")]
    private partial void LogSchemaReady(string filePath);
}
