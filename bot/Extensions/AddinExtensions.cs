using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SalesCoach.Bot.Addin;
using SalesCoach.Bot.Hosting;

namespace SalesCoach.Bot.Extensions;

/// <summary>
/// The Outlook add-in's side of the host: its built files at <c>/addin/</c>, <c>/addin/config.json</c>
/// (which sign-in to use), and the Entra audiences its tokens carry.
/// </summary>
public static class AddinExtensions
{
    public const string RequestPath = "/addin";

    public static IHostApplicationBuilder AddSalesCoachAddin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AddinSettings>().BindConfiguration(AddinSettings.Section);
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, EntraTokenAudiences>();
        return builder;
    }

    public static WebApplication MapSalesCoachAddin(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<AddinSettings>>().Value;
        var root = settings.ResolvePath(app.Environment.ContentRootPath);

        app.MapGet($"{RequestPath}/config.json", AddinConfigEndpoint.GetAsync).ExcludeFromDescription();
        app.MapGet(RequestPath, () => Results.Redirect($"{RequestPath}/taskpane.html")).ExcludeFromDescription(); // also /addin/

        if (Directory.Exists(root))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = RequestPath,
                FileProvider = new PhysicalFileProvider(root),
                OnPrepareResponse = file =>
                {
                    // Vite fingerprints everything under assets/; the pages themselves must be fresh.
                    var immutable = file.Context.Request.Path.StartsWithSegments($"{RequestPath}/assets");
                    file.Context.Response.Headers[HeaderNames.CacheControl] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
                },
            });
        }
        else
        {
            app.MapGet($"{RequestPath}/{{**path}}", () => Results.Text(
                $"The Outlook add-in is not built: {root} does not exist. Build the host with Node 20 and npm on the PATH "
                + "(the build runs `npm ci && npm run build` in addin/), or set Addin:Path to a built addin/dist.",
                statusCode: StatusCodes.Status503ServiceUnavailable)).ExcludeFromDescription();
        }

        return app;
    }
}
