using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SalesCoach.Bot.BotFramework.Connector;

/// <summary>
/// Client-credentials tokens for the Bot Connector from MSAL (which caches them until shortly
/// before they expire): the botframework.com tenant for multi-tenant bots, the bot's own tenant
/// for single-tenant ones.
/// </summary>
public sealed class MsalBotTokenProvider(IOptions<BotSettings> options) : IBotTokenProvider
{
    private readonly Lazy<IConfidentialClientApplication?> app = new(() => Create(options.Value));

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (app.Value is not { } client)
        {
            return null;
        }

        var result = await client.AcquireTokenForClient([options.Value.ConnectorScope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication? Create(BotSettings bot)
    {
        if (!bot.HasCredentials)
        {
            return null;
        }

        var tenant = string.IsNullOrWhiteSpace(bot.TenantId) ? "botframework.com" : bot.TenantId;
        return ConfidentialClientApplicationBuilder.Create(bot.AppId)
            .WithClientSecret(bot.AppPassword)
            .WithAuthority($"{bot.EntraAuthority.TrimEnd('/')}/{tenant}")
            .Build();
    }
}
