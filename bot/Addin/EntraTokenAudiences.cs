using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using SalesCoach.Bot.Hosting;

namespace SalesCoach.Bot.Addin;

/// <summary>
/// Makes the API accept exactly the tokens the pane gets from nested app authentication: audience the
/// app id URI or the client id (Entra writes the URI into v1 tokens and the client id into v2 tokens),
/// issued by the tenant's v2.0 or v1 endpoint. Runs after the JwtBearer setup in <c>AuthExtensions</c>.
/// </summary>
public sealed class EntraTokenAudiences(IOptions<AuthSettings> auth, IOptions<AddinSettings> addin) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        var settings = auth.Value;
        if (settings.IsDevelopment)
        {
            return;
        }

        var identity = AddinIdentity.From(settings, addin.Value);
        options.TokenValidationParameters.ValidAudiences = [.. identity.Audiences, .. options.TokenValidationParameters.ValidAudiences ?? []];
        if (!string.IsNullOrWhiteSpace(settings.TenantId))
        {
            options.TokenValidationParameters.ValidIssuers =
            [
                $"{settings.Instance.TrimEnd('/')}/{settings.TenantId}/v2.0",
                $"https://sts.windows.net/{settings.TenantId}/",
                .. options.TokenValidationParameters.ValidIssuers ?? [],
            ];
        }
    }
}
