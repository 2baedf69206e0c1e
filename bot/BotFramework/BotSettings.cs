namespace SalesCoach.Bot.BotFramework;

/// <summary>The bot's registration and the Bot Framework endpoints it trusts (section <c>Bot</c>).</summary>
public sealed class BotSettings
{
    public const string Section = "Bot";

    /// <summary>The bot's Entra app id (Azure Bot resource / Teams Developer Portal); the audience of inbound tokens.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for outbound Connector calls.</summary>
    public string? AppPassword { get; set; }

    /// <summary>For a single-tenant bot: the tenant whose Entra tokens are accepted and used outbound.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The tenant's Bot Connector (e.g. <c>https://smba.trafficmanager.net/emea/</c>), for reaching a rep whose chat was
    /// found through Graph before any Teams activity told the bot; a serviceUrl already stored for another rep wins.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Where the Bot Connector's signing keys are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of Bot Connector tokens.</summary>
    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>The Entra authority host, for single-tenant tokens in and out.</summary>
    public string EntraAuthority { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The scope of outbound Connector tokens.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Messages per second to one conversation (Teams allows about 7).</summary>
    public int MessagesPerSecondPerConversation { get; set; } = 7;

    /// <summary>Messages per second across all of one tenant's conversations (Teams allows fewer than the sum of its conversations).</summary>
    public int MessagesPerSecondPerTenant { get; set; } = 30;

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppPassword);
}
