using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SalesCoach.Bot.Integrations.Mailchimp;

/// <summary>Always healthy (Mailchimp being down only delays list changes); says whether it is configured.</summary>
public sealed class MailchimpHealthCheck(IOptions<MailchimpOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        return Task.FromResult(HealthCheckResult.Healthy(settings.IsConfigured
            ? $"mailchimp: configured ({settings.Root()?.Host}, {settings.Lists.Count} lists)"
            : "mailchimp: not configured"));
    }
}
