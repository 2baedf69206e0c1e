using System.Text.Json.Serialization;

namespace SalesCoach.Storage.Cosmos;

/// <summary>One grain's state under one state name; <c>data</c> is the grain storage serializer's output.</summary>
internal sealed record GrainStateDocument
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("grainId")]
    public required string GrainId { get; init; }

    [JsonPropertyName("state")]
    public required string StateName { get; init; }

    [JsonPropertyName("data")]
    public required byte[] Data { get; init; }
}

/// <summary>One reminder; <c>hash</c> is the grain's ring hash, the only indexed fields are it and <c>grainId</c>.</summary>
internal sealed record ReminderDocument
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("pk")]
    public required string PartitionKey { get; init; }

    [JsonPropertyName("grainId")]
    public required string GrainId { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("hash")]
    public uint Hash { get; init; }

    [JsonPropertyName("startAt")]
    public DateTime StartAt { get; init; }

    [JsonPropertyName("period")]
    public TimeSpan Period { get; init; }

    /// <summary>The server's ETag, present on what is read; never written.</summary>
    [JsonPropertyName("_etag")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ETag { get; init; }
}

/// <summary>A page of query results as the REST API returns it.</summary>
internal sealed record DocumentFeed<T>
{
    [JsonPropertyName("Documents")]
    public IReadOnlyList<T> Documents { get; init; } = [];
}

/// <summary>An item reduced to its id, for deletes.</summary>
internal sealed record IdDocument
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }
}

/// <summary>The documents' JSON, generated at build time.</summary>
[JsonSerializable(typeof(GrainStateDocument))]
[JsonSerializable(typeof(ReminderDocument))]
[JsonSerializable(typeof(DocumentFeed<ReminderDocument>))]
[JsonSerializable(typeof(DocumentFeed<IdDocument>))]
internal sealed partial class CosmosJsonContext : JsonSerializerContext;
