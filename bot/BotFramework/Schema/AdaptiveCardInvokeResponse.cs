using System.Text.Json.Nodes;

namespace SalesCoach.Bot.BotFramework.Schema;

/// <summary>
/// The body of an <c>adaptiveCard/action</c> invoke response (Universal Actions): a card that
/// replaces the one the user clicked, or a message.
/// </summary>
public static class AdaptiveCardInvokeResponse
{
    /// <summary>Teams shows <paramref name="card"/> in place of the card an <c>Action.Execute</c> came from.</summary>
    public static JsonObject Card(JsonNode card) => new()
    {
        ["statusCode"] = 200,
        ["type"] = Attachment.AdaptiveCardContentType,
        ["value"] = card,
    };

    /// <summary>Teams shows <paramref name="text"/> to the user who clicked; the card stays as it was.</summary>
    public static JsonObject Message(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    };
}
