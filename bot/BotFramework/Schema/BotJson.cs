using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Bot.BotFramework.Schema;

/// <summary>The protocol's JSON: camelCase, nulls omitted (channels reject some explicit nulls).</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
