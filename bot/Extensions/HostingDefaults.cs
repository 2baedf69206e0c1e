namespace SalesCoach.Bot.Extensions;

/// <summary>Defaults that make <c>dotnet run --project bot</c> with no arguments answer where the Bot Framework tools expect.</summary>
public static class HostingDefaults
{
    /// <summary>The Bot Framework's customary local port.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>Listens on <see cref="DefaultUrl"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>*_PORTS</c> say otherwise.</summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration["urls"] is null && configuration["http_ports"] is null && configuration["https_ports"] is null)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
