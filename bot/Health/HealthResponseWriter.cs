using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SalesCoach.Bot.Health;

/// <summary>
/// <c>/healthz</c> as JSON: the overall status and each check's status and description, so an
/// integration that is switched off says so (<c>"mailchimp": "mailchimp: not configured"</c>).
/// </summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
