using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using SalesCoach.Bot.Auth;
using SalesCoach.Bot.Hosting;

namespace SalesCoach.Bot.Extensions;

/// <summary>Authentication by <c>Auth:Mode</c>: the loopback developer header, or Entra ID bearer tokens.</summary>
public static class AuthExtensions
{
    public static IHostApplicationBuilder AddSalesCoachAuth(this IHostApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new();
        builder.Services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section)
            .Validate(a => a.IsDevelopment || string.Equals(a.Mode, "Production", StringComparison.OrdinalIgnoreCase),
                "Auth:Mode must be Development or Production")
            .Validate(a => a.IsDevelopment || (!string.IsNullOrWhiteSpace(a.TenantId) && !string.IsNullOrWhiteSpace(a.Audience)),
                "Auth:Mode Production needs Auth:TenantId and Auth:Audience")
            .ValidateOnStart();
        builder.Services.AddSingleton<ActorResolver>();
        builder.Services.AddSingleton<CallerResolver>();

        if (auth.IsDevelopment)
        {
            builder.Services.AddAuthentication(DevelopmentAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);
        }
        else
        {
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
            {
                options.Authority = $"{auth.Instance.TrimEnd('/')}/{auth.TenantId}/v2.0";
                options.Audience = auth.Audience;
                options.MapInboundClaims = false; // keep "oid" as "oid"
            });
        }

        builder.Services.AddAuthorization();
        return builder;
    }
}
