using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;
using SalesCoach.Bot.Api;
using SalesCoach.Bot.Health;
using SalesCoach.Bot.Hosting;
using SalesCoach.Common;

namespace SalesCoach.Bot.Extensions;

/// <summary>The web side of the host: JSON conventions, health, OpenAPI, the REST API.</summary>
public static class ApiExtensions
{
    /// <summary>The tag of the checks <c>/healthz/live</c> runs: those about this process, none about what it depends on.</summary>
    private const string LiveTag = "live";

    public static IHostApplicationBuilder AddSalesCoachApi(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => SalesCoachJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [LiveTag])
            .Add(new HealthCheckRegistration(
                "storage",
                services => new StorageHealthCheck(
                    services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Leads),
                    services.GetRequiredService<StorageSettings>().Provider.ToLowerInvariant()),
                failureStatus: null,
                tags: null,
                timeout: StorageHealthCheck.Timeout));
        builder.Services.AddProblemDetails();
        builder.AddSalesCoachAddin();
        return builder;
    }

    public static WebApplication UseSalesCoachApi(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(WriteUnhandledErrorAsync));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStaticFiles();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/api/messages"),
            api => api.UseMiddleware<CallerMiddleware>());

        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });

        // Liveness: this process only. A restart cannot mend a database or an integration that is down, so a
        // liveness probe must not fail with them (every replica would be restarted at once).
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag), ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapOpenApi();
        app.MapGet("/", () => Results.Redirect("/openapi/v1.json")).ExcludeFromDescription();

        var api = app.MapGroup("/api");
        api.MapPipelinesApi();
        api.MapRepsApi();
        api.MapTeamsApi();
        api.MapLeadsApi();
        api.MapLeadLookupApi();
        app.MapSalesCoachAddin();
        api.MapMetricsApi();
        api.MapKudosApi();
        api.MapEnrichmentApi();
        api.MapDirectoryApi();
        return app;
    }

    /// <summary>Even an unexpected failure answers in the API's error shape; a body over Kestrel's limit is a 413.</summary>
    private static async Task WriteUnhandledErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message) = error is BadHttpRequestException bad
            ? (bad.StatusCode, bad.Message)
            : (StatusCodes.Status500InternalServerError, "something went wrong on our side; nothing was changed");
        await ErrorResponse.Result(status, message).ExecuteAsync(context);
    }
}
