using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// Grain storage in a SQLite file, one row per (service, state name, grain), with ETag optimistic concurrency.
/// </summary>
/// <remarks>
/// ETags are random, not counters: after a clear and a new write, a writer still holding an ETag
/// from before the clear must fail, and a restarted counter would let it through.
/// </remarks>
public sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly string _name;
    private readonly string _serviceId;
    private readonly int _initStage;
    private readonly SqliteConnectionFactory _connections;
    private readonly Lazy<SqliteWriteBatcher> _writes;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<SqliteGrainStorage> _logger;

    /// <summary>Initializes a new instance of the <see cref="SqliteGrainStorage"/> class.</summary>
    /// <param name="name">The provider name, for logs.</param>
    /// <param name="options">The options; <see cref="SqliteStorageOptions.GrainStorageSerializer"/> must be set.</param>
    /// <param name="clusterOptions">Supplies the service id that scopes every row.</param>
    /// <param name="activators">Creates the default state after a clear or a missing read.</param>
    /// <param name="logger">The logger.</param>
    public SqliteGrainStorage(
        string name,
        SqliteStorageOptions options,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activators,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _name = name;
        _serviceId = clusterOptions.Value.ServiceId;
        _initStage = options.InitStage;
        _serializer = options.GrainStorageSerializer
            ?? throw new ArgumentException($"{nameof(options.GrainStorageSerializer)} is required.", nameof(options));
        _activators = activators;
        _logger = logger;
        _connections = new SqliteConnectionFactory(options, logger);
        _writes = new Lazy<SqliteWriteBatcher>(() => SqliteWriteBatcher.For(_connections.Key, _connections.OpenAsync, logger));
    }

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateKeyedCommand(connection, stateName, grainId,
            "SELECT etag, data FROM grain_state WHERE service_id = $service AND state_name = $state AND grain_id = $grain;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            LogTraceRead(_name, stateName, grainId, null);
            ResetToDefault(grainState);
            return;
        }

        var etag = reader.GetString(0);
        var data = reader.GetFieldValue<byte[]>(1);
        grainState.State = _serializer.Deserialize<T>(new BinaryData(data)) ?? CreateDefault<T>();
        grainState.ETag = etag;
        grainState.RecordExists = true;
        LogTraceRead(_name, stateName, grainId, etag);
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();
        var data = ExactSizeGrainStorageSerializer.ToArray(_serializer.Serialize(grainState.State));
        var newEtag = NewEtag();

        // One statement each way, so the ETag check and the write are atomic: no ETag means "create",
        // which must find no row; an ETag means "replace", which must match it. The statement goes
        // through the file's group commit, so it shares its transaction (and fsync) with other grains'
        // writes; once queued it is not cancelled, since it may already be committed.
        var sql = grainState.ETag is null
            ? """
              INSERT INTO grain_state (service_id, state_name, grain_id, etag, data)
              VALUES ($service, $state, $grain, $newEtag, $data)
              ON CONFLICT DO NOTHING;
              """
            : """
              UPDATE grain_state SET etag = $newEtag, data = $data
              WHERE service_id = $service AND state_name = $state AND grain_id = $grain AND etag = $etag;
              """;
        var written = await _writes.Value.WriteAsync(sql,
        [
            ("$service", _serviceId),
            ("$state", stateName),
            ("$grain", grainId.ToString()),
            ("$newEtag", newEtag),
            ("$data", data),
            ("$etag", grainState.ETag),
        ]).ConfigureAwait(false);
        if (!written)
        {
            await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            throw await ConflictAsync(connection, "write", stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
        }

        grainState.ETag = newEtag;
        grainState.RecordExists = true;
        LogTraceWrite(_name, stateName, grainId, newEtag);
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();

        if (grainState.ETag is null)
        {
            // No ETag claims there is nothing stored: clearing nothing succeeds, clearing someone's row does not.
            await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (await ReadEtagAsync(connection, stateName, grainId, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw await ConflictAsync(connection, "clear", stateName, grainId, null, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            // Through the group commit like a write: a grain deleting many rows pays one fsync, not one each.
            var deleted = await _writes.Value.WriteAsync(
                "DELETE FROM grain_state WHERE service_id = $service AND state_name = $state AND grain_id = $grain AND etag = $etag;",
                [("$service", _serviceId), ("$state", stateName), ("$grain", grainId.ToString()), ("$etag", grainState.ETag)]).ConfigureAwait(false);
            if (!deleted)
            {
                await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
                throw await ConflictAsync(connection, "clear", stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
            }
        }

        ResetToDefault(grainState);
        LogTraceClear(_name, stateName, grainId);
    }

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);

        // Create the schema at startup, so a bad path fails the silo instead of the first grain.
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", _initStage, _connections.EnsureSchemaAsync);
    }

    /// <inheritdoc/>
    public void Dispose() => _connections.Dispose();

    private static string NewEtag() => Guid.NewGuid().ToString("N");

    private SqliteCommand CreateKeyedCommand(SqliteConnection connection, string stateName, GrainId grainId, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        return command;
    }

    private async Task<string?> ReadEtagAsync(SqliteConnection connection, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = CreateKeyedCommand(connection, stateName, grainId,
            "SELECT etag FROM grain_state WHERE service_id = $service AND state_name = $state AND grain_id = $grain;");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private async Task<InconsistentStateException> ConflictAsync(
        SqliteConnection connection, string operation, string stateName, GrainId grainId, string? currentEtag, CancellationToken cancellationToken)
    {
        // Read after the failed statement, for the message only: the row may have moved on since.
        var storedEtag = await ReadEtagAsync(connection, stateName, grainId, cancellationToken).ConfigureAwait(false);
        LogConflict(_name, operation, stateName, grainId, storedEtag, currentEtag);
        return new InconsistentStateException(
            $"ETag mismatch on {operation}: provider {_name}, state {stateName}, grain {grainId}, stored ETag {storedEtag ?? "(none)"}, given ETag {currentEtag ?? "(none)"}.",
            storedEtag ?? string.Empty,
            currentEtag ?? string.Empty);
    }

    private void ResetToDefault<T>(IGrainState<T> grainState) => GrainStateDefaults.Reset(grainState, _activators);

    private T CreateDefault<T>() => GrainStateDefaults.Create<T>(_activators);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Read {Provider}/{StateName}/{GrainId}: ETag {ETag}")]
    private partial void LogTraceRead(string provider, string stateName, GrainId grainId, string? etag);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Wrote {Provider}/{StateName}/{GrainId}: ETag {ETag}")]
    private partial void LogTraceWrite(string provider, string stateName, GrainId grainId, string etag);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Cleared {Provider}/{StateName}/{GrainId}")]
    private partial void LogTraceClear(string provider, string stateName, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "ETag conflict on {Operation} of {Provider}/{StateName}/{GrainId}: stored {StoredEtag}, given {CurrentEtag}")]
    private partial void LogConflict(string provider, string operation, string stateName, GrainId grainId, string? storedEtag, string? currentEtag);
}
