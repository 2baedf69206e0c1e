using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SalesCoach.Bot.Cards.Model;

/// <summary>Serializes cards: the official JSON names, nulls left out, text not escaped beyond what JSON needs.</summary>
public static class CardJson
{
    /// <summary>The options every card is written with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The card as compact JSON text.</summary>
    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    /// <summary>The card as a JSON object, e.g. for an attachment's <c>content</c>.</summary>
    public static JsonObject ToJsonObject(AdaptiveCard card) => JsonSerializer.SerializeToNode(card, Options)!.AsObject();

    /// <summary>The size of the serialized card in UTF-8 bytes (Teams takes at most 28 KB per message).</summary>
    public static int Utf8Size(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, Options).Length;

    /// <summary>The size of one serialized element in UTF-8 bytes, to keep long lists within a card's budget.</summary>
    public static int Utf8Size(CardElement element) => JsonSerializer.SerializeToUtf8Bytes(element, Options).Length;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
