using System.Text.Json.Nodes;

namespace SalesCoach.Bot.BotFramework.Schema;

/// <summary>A card or file attached to an activity.</summary>
public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }
    public JsonNode? Content { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }
}
