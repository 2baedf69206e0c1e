using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesCoach.DirectorySync;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>Always healthy (Graph being down only delays a sync); says whether it is configured.</summary>
public sealed class GraphHealthCheck(IDirectory directory) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(directory.IsConfigured ? "graph: configured" : "graph: not configured"));
}
