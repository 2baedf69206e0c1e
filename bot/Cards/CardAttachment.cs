using System.Text.Json.Nodes;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// A card as the Bot Framework carries it, as plain JSON so it fits any activity model:
/// an attachment of a message, or the body of an <c>adaptiveCard/action</c> invoke response.
/// </summary>
public static class CardAttachment
{
    /// <summary>The content type of an Adaptive Card attachment.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary><c>{"contentType": "application/vnd.microsoft.card.adaptive", "content": card}</c>.</summary>
    public static JsonObject From(AdaptiveCard card) => new()
    {
        ["contentType"] = ContentType,
        ["content"] = CardJson.ToJsonObject(card),
    };

    /// <summary>
    /// The invoke response body that makes Teams show <paramref name="card"/> in place of the
    /// card an <c>Action.Execute</c> came from: <c>{"statusCode": 200, "type": ContentType, "value": card}</c>.
    /// </summary>
    public static JsonObject InvokeResponse(AdaptiveCard card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = ContentType,
        ["value"] = CardJson.ToJsonObject(card),
    };
}
