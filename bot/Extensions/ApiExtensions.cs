using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using SalesCoach.Bot.Api;
using SalesCoach.Bot.Health;
using SalesCoach.Common;

namespace SalesCoach.Bot.Extensions;

/// <summary>The web side of the host: JSON conventions, health, OpenAPI, the REST API.</summary>
public static class ApiExtensions
{
    public static IHostApplicationBuilder AddSalesCoachApi(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => SalesCoachJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo")
            .AddCheck<StorageHealthCheck>("storage");
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
