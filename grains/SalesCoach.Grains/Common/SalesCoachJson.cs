using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Common;

/// <summary>The one JSON shape of the API and of pipeline files: camelCase, enums as camelCase strings, nulls left out.</summary>
public static class SalesCoachJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the SalesCoach conventions to options owned by someone else (ASP.NET Core's).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new UtcTimeJsonConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
