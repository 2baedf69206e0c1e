using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SalesCoach.Bot.Cards.Model;

/// <summary>Serializes cards: the official JSON names, nulls left out, text not escaped beyond what JSON needs.</summary>
public static class CardJson
{
    /// <summary>The options every card is written with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The card as compact JSON text.</summary>
    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    /// <summary>The card parsed into a JSON object, to look into (tests, the card gallery); what is sent is <see cref="ToJsonNode"/>.</summary>
    public static JsonObject ToJsonObject(AdaptiveCard card) => JsonSerializer.SerializeToNode(card, Options)!.AsObject();

    /// <summary>
    /// The card as a JSON node for an activity or an invoke response (an attachment's <c>content</c>, the refreshed
    /// card's <c>value</c>): it writes the card when the message is written. A parsed object cost a card's text,
    /// a node per property and a third pass to write them, on every click and every notification.
    /// </summary>
    public static JsonNode ToJsonNode(AdaptiveCard card) => JsonValue.Create(card, CardTypeInfo)!;

    private static JsonTypeInfo<AdaptiveCard> CardTypeInfo { get; } = (JsonTypeInfo<AdaptiveCard>)Options.GetTypeInfo(typeof(AdaptiveCard));

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
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
