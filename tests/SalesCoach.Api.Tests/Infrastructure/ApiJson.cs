using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>The JSON of the contract as a client sees it: camelCase names (matched exactly), nulls left out on write.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A UTF-8 JSON body.</summary>
    public static StringContent Content(object body) =>
        new(body as string ?? JsonSerializer.Serialize(body, Options), Encoding.UTF8, "application/json");

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"'{json}' reads as null");
}
