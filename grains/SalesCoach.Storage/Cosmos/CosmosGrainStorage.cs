using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace SalesCoach.Storage.Cosmos;

/// <summary>
/// Grain storage in Cosmos DB, one item per (service, state name, grain), with ETag optimistic concurrency:
/// a first write is a create (which fails if the item exists), later writes replace with <c>If-Match</c>.
/// </summary>
/// <remarks>
/// Every operation is a point operation on one logical partition: a read is 1 RU per KB, a write a few RU per
/// KB (see docs/DEPLOY.md). ETags are the server's, so an ETag from before a clear never matches the item
/// written after it.
/// </remarks>
public sealed partial class CosmosGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly ItemRequestOptions CreateOptions = new() { EnableContentResponseOnWrite = false };

    private readonly string _name;
    private readonly string _serviceId;
    private readonly int _initStage;
    private readonly CosmosContainerHandle _container;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<CosmosGrainStorage> _logger;

    /// <summary>Initializes a new instance of the <see cref="CosmosGrainStorage"/> class.</summary>
    /// <param name="name">The provider name, for logs.</param>
    /// <param name="options">The options; <see cref="CosmosStorageOptions.GrainStorageSerializer"/> must be set.</param>
    /// <param name="clients">Supplies the shared client for the account.</param>
    /// <param name="clusterOptions">Supplies the service id that scopes every item.</param>
    /// <param name="activators">Creates the default state after a clear or a missing read.</param>
    /// <param name="logger">The logger.</param>
    public CosmosGrainStorage(
        string name,
        CosmosStorageOptions options,
        CosmosClientPool clients,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activators,
        ILogger<CosmosGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _name = name;
        _serviceId = clusterOptions.Value.ServiceId;
        _initStage = options.InitStage;
        _serializer = options.GrainStorageSerializer
            ?? throw new ArgumentException($"{nameof(options.GrainStorageSerializer)} is required.", nameof(options));
        _activators = activators;
        _logger = logger;
        _container = new CosmosContainerHandle(
            clients.GetClient(options), options, CosmosContainers.GrainState(options.GrainStateContainer), logger);
    }

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var container = await _container.GetAsync(cancellationToken).ConfigureAwait(false);
        var id = CosmosKeys.GrainStateId(_serviceId, stateName, grainId);
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            LogTraceRead(_name, stateName, grainId, null, response.Headers.RequestCharge);
            ResetToDefault(grainState);
            return;
        }

        response.EnsureSuccessStatusCode();
        var document = await JsonSerializer.DeserializeAsync(response.Content, CosmosJsonContext.Default.GrainStateDocument, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Cosmos DB returned an empty item for {stateName}/{grainId}.");
        grainState.State = _serializer.Deserialize<T>(new BinaryData(document.Data)) ?? CreateDefault<T>();
        grainState.ETag = response.Headers.ETag;
        grainState.RecordExists = true;
        LogTraceRead(_name, stateName, grainId, grainState.ETag, response.Headers.RequestCharge);
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();

        // Serialise before the first await: a reentrant grain may change its state while the write is under way.
        var id = CosmosKeys.GrainStateId(_serviceId, stateName, grainId);
        var document = new GrainStateDocument
        {
            Id = id,
            GrainId = grainId.ToString(),
            StateName = stateName,
            Data = ExactSizeGrainStorageSerializer.ToArray(_serializer.Serialize(grainState.State)),
        };
        var container = await _container.GetAsync(cancellationToken).ConfigureAwait(false);
        using var body = new MemoryStream();
        await JsonSerializer.SerializeAsync(body, document, CosmosJsonContext.Default.GrainStateDocument, cancellationToken).ConfigureAwait(false);
        body.Position = 0;

        // No ETag means "create", which fails when the item exists; an ETag means "replace", which must match it.
        var partitionKey = new PartitionKey(id);
        using var response = grainState.ETag is null
            ? await container.CreateItemStreamAsync(body, partitionKey, CreateOptions, cancellationToken).ConfigureAwait(false)
            : await container.ReplaceItemStreamAsync(body, id, partitionKey, IfMatch(grainState.ETag), cancellationToken).ConfigureAwait(false);

        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw Conflict("write", stateName, grainId, grainState.ETag, response.StatusCode);
        }

        response.EnsureSuccessStatusCode();
        grainState.ETag = response.Headers.ETag;
        grainState.RecordExists = true;
        LogTraceWrite(_name, stateName, grainId, grainState.ETag, body.Length, response.Headers.RequestCharge);
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();
        var container = await _container.GetAsync(cancellationToken).ConfigureAwait(false);
        var id = CosmosKeys.GrainStateId(_serviceId, stateName, grainId);
        var partitionKey = new PartitionKey(id);

        if (grainState.ETag is null)
        {
            // No ETag claims there is nothing stored: clearing nothing succeeds, clearing someone's item does not.
            using var read = await container.ReadItemStreamAsync(id, partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (read.StatusCode != HttpStatusCode.NotFound)
            {
                read.EnsureSuccessStatusCode();
                throw Conflict("clear", stateName, grainId, null, HttpStatusCode.Conflict);
            }
        }
        else
        {
            using var response = await container.DeleteItemStreamAsync(id, partitionKey, IfMatch(grainState.ETag), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
            {
                throw Conflict("clear", stateName, grainId, grainState.ETag, response.StatusCode);
            }

            response.EnsureSuccessStatusCode();
        }

        ResetToDefault(grainState);
        LogTraceClear(_name, stateName, grainId);
    }

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);

        // Check the container at startup, so a wrong endpoint or a missing container fails the silo instead of the first grain.
        lifecycle.Subscribe($"{nameof(CosmosGrainStorage)}-{_name}", _initStage, cancellationToken => _container.GetAsync(cancellationToken));
    }

    private static ItemRequestOptions IfMatch(string etag) => new() { IfMatchEtag = etag, EnableContentResponseOnWrite = false };

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? currentEtag, HttpStatusCode status)
    {
        LogConflict(_name, operation, stateName, grainId, currentEtag, (int)status);
        return new InconsistentStateException(
            $"ETag mismatch on {operation}: provider {_name}, state {stateName}, grain {grainId}, given ETag {currentEtag ?? "(none)"}, Cosmos DB answered {(int)status}.",
            "(unknown)",
            currentEtag ?? string.Empty);
    }

    private void ResetToDefault<T>(IGrainState<T> grainState) => GrainStateDefaults.Reset(grainState, _activators);

    private T CreateDefault<T>() => GrainStateDefaults.Create<T>(_activators);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Read {Provider}/{StateName}/{GrainId}: ETag {ETag}, {RequestCharge} RU")]
    private partial void LogTraceRead(string provider, string stateName, GrainId grainId, string? etag, double requestCharge);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Wrote {Provider}/{StateName}/{GrainId}: ETag {ETag}, {Bytes} bytes, {RequestCharge} RU")]
    private partial void LogTraceWrite(string provider, string stateName, GrainId grainId, string etag, long bytes, double requestCharge);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Cleared {Provider}/{StateName}/{GrainId}")]
    private partial void LogTraceClear(string provider, string stateName, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "ETag conflict on {Operation} of {Provider}/{StateName}/{GrainId}: given {CurrentEtag}, status {Status}")]
    private partial void LogConflict(string provider, string operation, string stateName, GrainId grainId, string? currentEtag, int status);
}
