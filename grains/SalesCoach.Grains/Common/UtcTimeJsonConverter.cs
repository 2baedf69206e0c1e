using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Common;

/// <summary>Writes times as ISO-8601 UTC with a <c>Z</c> (<c>2026-11-28T09:00:00Z</c>), as API.md promises; reads any ISO-8601 offset.</summary>
public sealed class UtcTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
