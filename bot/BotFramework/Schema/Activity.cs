using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SalesCoach.Bot.BotFramework.Schema;

/// <summary>
/// A Bot Framework v3 activity: the fields SalesCoach reads or writes, typed; everything else a
/// channel sends is kept in <see cref="Extra"/> and written back unchanged.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public string? AttachmentLayout { get; set; }
    public JsonArray? Entities { get; set; }
    public JsonObject? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    /// <summary>The payload of an invoke, or the values of an <c>Action.Submit</c>.</summary>
    public JsonNode? Value { get; set; }
    /// <summary>The invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The Teams tenant of the activity (channelData.tenant.id, else conversation.tenantId).</summary>
    [JsonIgnore]
    public string? TenantId => ChannelData?["tenant"]?["id"]?.GetValue<string>() ?? Conversation?.TenantId;

    /// <summary>A reply in the same conversation, from the recipient back to the sender.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Text = text,
        Locale = Locale,
    };
}
