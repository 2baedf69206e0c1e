namespace SalesCoach.Bot.LocalChat;

/// <summary>
/// The local chat channel of the embedded default: a Direct Line 3.0–compatible endpoint on
/// loopback that Microsoft's Web Chat talks to, bridged into the same bot pipeline as Teams.
/// </summary>
public static class LocalChatChannel
{
    /// <summary>The channel id activities carry (Web Chat's own), so cards pick <c>Action.Submit</c>.</summary>
    public const string ChannelId = "directline";

    /// <summary>The service URL of local activities; the sender for it keeps replies in memory instead of calling a Connector.</summary>
    public const string ServiceUrl = "urn:salescoach:local-chat";

    public const string BotId = "salescoach";

    public const string BotName = "SalesCoach";
}
