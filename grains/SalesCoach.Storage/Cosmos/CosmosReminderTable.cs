using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace SalesCoach.Storage.Cosmos;

/// <summary>
/// The reminder table in Cosmos DB, one item per (service, grain, reminder name), partitioned by service
/// id and ring-hash bucket (see <see cref="CosmosKeys"/>).
/// </summary>
/// <remarks>
/// A grain's reminder is a point read; a grain's reminders one query inside one partition; a ring range
/// (read by each silo when the ring changes and every few minutes, never per request) one query per bucket it
/// covers. No read fans out across partitions.
/// </remarks>
public sealed partial class CosmosReminderTable : IReminderTable
{
    /// <summary>The name of the <see cref="CosmosStorageOptions"/> instance the reminder table reads.</summary>
    public const string OptionsName = "SalesCoach.Cosmos.Reminders";

    private static readonly ItemRequestOptions WriteOptions = new() { EnableContentResponseOnWrite = false };

    private readonly string _serviceId;
    private readonly CosmosContainerHandle _container;
    private readonly ILogger<CosmosReminderTable> _logger;

    /// <summary>Initializes a new instance of the <see cref="CosmosReminderTable"/> class.</summary>
    /// <param name="options">The options; the serializer and init stage are not used.</param>
    /// <param name="clients">Supplies the shared client for the account.</param>
    /// <param name="clusterOptions">Supplies the service id that scopes every item.</param>
    /// <param name="logger">The logger.</param>
    public CosmosReminderTable(
        CosmosStorageOptions options, CosmosClientPool clients, IOptions<ClusterOptions> clusterOptions, ILogger<CosmosReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _serviceId = clusterOptions.Value.ServiceId;
        _logger = logger;
        _container = new CosmosContainerHandle(clients.GetClient(options), options, CosmosContainers.Reminders(options.ReminderContainer), logger);
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken = default) => _container.GetAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc/>
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.grainId = @grainId").WithParameter("@grainId", grainId.ToString());
        var entries = await QueryAsync(query, PartitionOf(grainId), CosmosJsonContext.Default.DocumentFeedReminderDocument, cancellationToken).ConfigureAwait(false);
        return new ReminderTableData(entries.Select(ToEntry));
    }

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc/>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        // The ring range (begin, end]: when begin >= end it wraps past uint.MaxValue, and begin == end is the whole ring.
        var entries = new List<ReminderEntry>();
        foreach (var slice in CosmosKeys.RingSlices(begin, end))
        {
            var query = new QueryDefinition("SELECT * FROM c WHERE c.hash >= @low AND c.hash <= @high")
                .WithParameter("@low", slice.Low)
                .WithParameter("@high", slice.High);
            var partition = CosmosKeys.ReminderPartition(_serviceId, slice.Bucket);
            var documents = await QueryAsync(query, partition, CosmosJsonContext.Default.DocumentFeedReminderDocument, cancellationToken).ConfigureAwait(false);
            entries.AddRange(documents.Select(ToEntry));
        }

        LogTraceRange(begin, end, entries.Count);
        return new ReminderTableData(entries);
    }

    /// <inheritdoc/>
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc/>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync(cancellationToken).ConfigureAwait(false);
        using var response = await container.ReadItemStreamAsync(
            CosmosKeys.ReminderId(grainId, reminderName), new PartitionKey(PartitionOf(grainId)), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var document = await JsonSerializer.DeserializeAsync(response.Content, CosmosJsonContext.Default.ReminderDocument, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Cosmos DB returned an empty reminder for {grainId}/{reminderName}.");
        return ToEntry(document with { ETag = response.Headers.ETag ?? document.ETag });
    }

    /// <inheritdoc/>
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc/>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var container = await _container.GetAsync(cancellationToken).ConfigureAwait(false);
        var partition = PartitionOf(entry.GrainId);
        var document = new ReminderDocument
        {
            Id = CosmosKeys.ReminderId(entry.GrainId, entry.ReminderName),
            PartitionKey = partition,
            GrainId = entry.GrainId.ToString(),
            Name = entry.ReminderName,
            Hash = entry.GrainId.GetUniformHashCode(),
            StartAt = ToUtc(entry.StartAt),
            Period = entry.Period,
        };
        using var body = new MemoryStream();
        await JsonSerializer.SerializeAsync(body, document, CosmosJsonContext.Default.ReminderDocument, cancellationToken).ConfigureAwait(false);
        body.Position = 0;

        // Upsert ignores the entry's ETag, as Orleans' own tables do: the reminder service is the only writer.
        using var response = await container.UpsertItemStreamAsync(body, new PartitionKey(partition), WriteOptions, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var etag = response.Headers.ETag;
        LogTraceUpsert(entry.GrainId, entry.ReminderName, etag, response.Headers.RequestCharge);
        return etag;
    }

    /// <inheritdoc/>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc/>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync(cancellationToken).ConfigureAwait(false);

        // No ETag would delete unconditionally: refuse, as the SQL tables' "etag = NULL" does.
        if (string.IsNullOrEmpty(eTag))
        {
            return false;
        }

        using var response = await container.DeleteItemStreamAsync(
            CosmosKeys.ReminderId(grainId, reminderName),
            new PartitionKey(PartitionOf(grainId)),
            new ItemRequestOptions { IfMatchEtag = eTag },
            cancellationToken).ConfigureAwait(false);
        var removed = response.StatusCode switch
        {
            HttpStatusCode.NoContent or HttpStatusCode.OK => true,
            HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed => false,
            _ => throw new CosmosException(
                $"Removing reminder {grainId}/{reminderName} failed: {response.ErrorMessage}",
                response.StatusCode, 0, response.Headers.ActivityId, response.Headers.RequestCharge),
        };
        LogTraceRemove(grainId, reminderName, eTag, removed);
        return removed;
    }

    /// <inheritdoc/>
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc/>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync(cancellationToken).ConfigureAwait(false);
        for (var bucket = 0; bucket < CosmosKeys.ReminderBuckets; bucket++)
        {
            var partition = CosmosKeys.ReminderPartition(_serviceId, bucket);
            var ids = await QueryAsync(new QueryDefinition("SELECT c.id FROM c"), partition, CosmosJsonContext.Default.DocumentFeedIdDocument, cancellationToken)
                .ConfigureAwait(false);
            foreach (var item in ids)
            {
                using var response = await container.DeleteItemStreamAsync(item.Id, new PartitionKey(partition), cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    response.EnsureSuccessStatusCode();
                }
            }
        }
    }

    // Reminder due times are UTC; an unspecified kind is taken as UTC rather than shifted by the local zone.
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    private static ReminderEntry ToEntry(ReminderDocument document) => new()
    {
        GrainId = GrainId.Parse(document.GrainId),
        ReminderName = document.Name,
        StartAt = ToUtc(document.StartAt),
        Period = document.Period,
        ETag = document.ETag,
    };

    private string PartitionOf(GrainId grainId) => CosmosKeys.ReminderPartition(_serviceId, CosmosKeys.Bucket(grainId.GetUniformHashCode()));

    private async Task<List<T>> QueryAsync<T>(QueryDefinition query, string partition, JsonTypeInfo<DocumentFeed<T>> feedType, CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<T>();
        using var iterator = container.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partition) });
        while (iterator.HasMoreResults)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var page = await JsonSerializer.DeserializeAsync(response.Content, feedType, cancellationToken).ConfigureAwait(false);
            results.AddRange(page?.Documents ?? []);
        }

        return results;
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Read reminders in ({Begin}, {End}]: {Count}")]
    private partial void LogTraceRange(uint begin, uint end, int count);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Upserted reminder {GrainId}/{ReminderName}: ETag {ETag}, {RequestCharge} RU")]
    private partial void LogTraceUpsert(GrainId grainId, string reminderName, string etag, double requestCharge);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Remove reminder {GrainId}/{ReminderName} with ETag {ETag}: removed {Removed}")]
    private partial void LogTraceRemove(GrainId grainId, string reminderName, string? etag, bool removed);
}
