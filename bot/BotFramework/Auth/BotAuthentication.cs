using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace SalesCoach.Bot.BotFramework.Auth;

/// <summary>
/// Inbound token validation for <c>/api/messages</c>: Bot Connector tokens (issuer
/// api.botframework.com, keys from its OpenID metadata) and, for single-tenant bots, Entra tokens
/// of the bot's tenant. Both must name the bot's app id as audience. A policy scheme picks the
/// right one by the token's issuer; JwtBearer caches and refreshes the signing keys.
/// </summary>
public static class BotAuthentication
{
    public const string Scheme = "Bot";
    public const string ConnectorScheme = "BotConnector";
    public const string EntraScheme = "BotEntra";

    /// <summary>The claim Bot Connector tokens carry with the service URL the activity must come from.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, BotSettings bot)
    {
        var authentication = services.AddAuthentication();
        authentication.AddJwtBearer(ConnectorScheme, options =>
        {
            options.MetadataAddress = bot.OpenIdMetadataUrl;
            options.RequireHttpsMetadata = bot.OpenIdMetadataUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
            options.MapInboundClaims = false;
            options.TokenValidationParameters.ValidIssuer = bot.Issuer;
            options.TokenValidationParameters.ValidAudience = bot.AppId;
            options.TokenValidationParameters.ValidateAudience = true;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(5);
        });

        if (!string.IsNullOrWhiteSpace(bot.TenantId))
        {
            var authority = $"{bot.EntraAuthority.TrimEnd('/')}/{bot.TenantId}";
            authentication.AddJwtBearer(EntraScheme, options =>
            {
                options.MetadataAddress = $"{authority}/v2.0/.well-known/openid-configuration";
                options.RequireHttpsMetadata = authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.ValidIssuers = [$"{authority}/v2.0", $"https://sts.windows.net/{bot.TenantId}/"];
                options.TokenValidationParameters.ValidAudience = bot.AppId;
            });
        }

        authentication.AddPolicyScheme(Scheme, "Bot Framework", options => options.ForwardDefaultSelector = context =>
            !string.IsNullOrWhiteSpace(bot.TenantId) && IssuerOf(context.Request.Headers.Authorization.ToString()) is { } issuer
                && issuer != bot.Issuer
                ? EntraScheme
                : ConnectorScheme);
        return services;
    }

    /// <summary>The unvalidated issuer of a bearer token, only to choose which validation applies.</summary>
    private static string? IssuerOf(string authorization)
    {
        const string prefix = "Bearer ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var handler = new JsonWebTokenHandler();
        var token = authorization[prefix.Length..].Trim();
        return handler.CanReadToken(token) ? handler.ReadJsonWebToken(token).Issuer : null;
    }
}
