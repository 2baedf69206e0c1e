using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Bot.BotFramework.Schema;

/// <summary>A user or bot in a conversation; in Teams <see cref="AadObjectId"/> is the user's Entra object id.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
