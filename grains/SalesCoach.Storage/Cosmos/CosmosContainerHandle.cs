using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace SalesCoach.Storage.Cosmos;

/// <summary>
/// A container that is checked, or created when allowed, once before first use. A failed check is
/// retried by the next caller rather than cached.
/// </summary>
internal sealed partial class CosmosContainerHandle
{
    private readonly CosmosClient _client;
    private readonly CosmosStorageOptions _options;
    private readonly ContainerProperties _properties;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<Container>? _ready;

    public CosmosContainerHandle(CosmosClient client, CosmosStorageOptions options, ContainerProperties properties, ILogger logger)
    {
        _client = client;
        _options = options;
        _properties = properties;
        _logger = logger;
    }

    /// <summary>Gets the container's name.</summary>
    public string Name => _properties.Id;

    /// <summary>The container, once it is known to exist with the expected partition key.</summary>
    public Task<Container> GetAsync(CancellationToken cancellationToken = default)
    {
        var ready = _ready;
        if (ready is null || ready.IsFaulted || ready.IsCanceled)
        {
            lock (_gate)
            {
                if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
                {
                    // Not cancellable: it is shared by every caller, and one caller's cancellation must not fail the others.
                    _ready = InitializeAsync();
                }

                ready = _ready;
            }
        }

        return ready.IsCompletedSuccessfully ? ready : ready.WaitAsync(cancellationToken);
    }

    private async Task<Container> InitializeAsync()
    {
        ContainerProperties existing;
        if (_options.CreateIfNotExists)
        {
            Database database = await _client.CreateDatabaseIfNotExistsAsync(_options.Database).ConfigureAwait(false);
            ContainerResponse response;
            try
            {
                response = await database.CreateContainerIfNotExistsAsync(_properties).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                // The SDK's way of saying that the container exists with another partition key.
                throw WrongPartitionKey(e.Message, e);
            }

            existing = response.Resource;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                LogCreated(_options.Database, _properties.Id, _properties.PartitionKeyPath);
            }
        }
        else
        {
            var container = _client.GetContainer(_options.Database, _properties.Id);
            try
            {
                existing = await container.ReadContainerAsync().ConfigureAwait(false);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new InvalidOperationException(
                    $"Cosmos DB container '{_properties.Id}' in database '{_options.Database}' does not exist. Create it with partition key " +
                    $"'{_properties.PartitionKeyPath}' (see docs/DEPLOY.md), or allow {nameof(CosmosStorageOptions.CreateIfNotExists)}.", e);
            }
        }

        if (!string.Equals(existing.PartitionKeyPath, _properties.PartitionKeyPath, StringComparison.Ordinal))
        {
            throw WrongPartitionKey($"it has '{existing.PartitionKeyPath}'", null);
        }

        LogReady(_options.Database, _properties.Id);
        return _client.GetContainer(_options.Database, _properties.Id);
    }

    private InvalidOperationException WrongPartitionKey(string detail, Exception? inner) => new(
        $"Cosmos DB container '{_properties.Id}' in database '{_options.Database}' does not have the partition key SalesCoach needs, " +
        $"'{_properties.PartitionKeyPath}': {detail}. Use another container name or recreate it (see docs/DEPLOY.md).", inner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Cosmos DB container {Database}/{Container} with partition key {PartitionKeyPath}")]
    private partial void LogCreated(string database, string container, string partitionKeyPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cosmos DB container {Database}/{Container} ready")]
    private partial void LogReady(string database, string container);
}
