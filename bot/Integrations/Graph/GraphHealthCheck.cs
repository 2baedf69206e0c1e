using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SalesCoach.DirectorySync;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>
/// Always healthy (Graph being down only delays a sync, an install or an email log); says what is switched on:
/// without Graph, emails are logged from the add-in's fields and nobody gets the Teams app installed.
/// </summary>
public sealed class GraphHealthCheck(IDirectory directory, ITeamsAppInstaller installer, IOptions<GraphOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(Describe()));

    private string Describe()
    {
        if (!directory.IsConfigured)
        {
            return "graph: not configured (no directory sync; emails logged from the add-in's fields; no Teams app install)";
        }

        var install = installer.IsConfigured
            ? $"Teams app install on{(options.Value.InstallAppOnSync ? ", also on sync" : "")}"
            : "Teams app install off (Graph:TeamsAppId not set)";
        return $"graph: configured (directory sync every {options.Value.SyncInterval}; emails logged from the server's copy; {install})";
    }
}
