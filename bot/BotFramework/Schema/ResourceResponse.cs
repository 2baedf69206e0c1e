namespace SalesCoach.Bot.BotFramework.Schema;

/// <summary>What the Connector answers to a send: the new activity's id (and, for a new conversation, its id).</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}
