using System.Text.Json.Nodes;

namespace SalesCoach.Bot.BotFramework.Schema;

/// <summary>The body of the Connector's create-conversation call (a 1:1 chat for proactive messages).</summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount> Members { get; set; } = [];
    public string? TenantId { get; set; }
    public JsonObject? ChannelData { get; set; }
}
