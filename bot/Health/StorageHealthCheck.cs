using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;

namespace SalesCoach.Bot.Health;

/// <summary>
/// Healthy when grain storage answers a read: one point read of a probe record through the configured
/// provider (SQLite, Cosmos DB or memory), the same read a grain's activation makes. A point read costs
/// the same at any database size (a count of the table would read every row on every probe).
/// </summary>
public sealed class StorageHealthCheck(IGrainStorage storage, string provider) : IHealthCheck
{
    /// <summary>How long a read may take before storage counts as unreachable (a silent network otherwise hangs the probe).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The record read; never written, so the read finds nothing, and that answer is enough.</summary>
    private static readonly GrainId Probe = GrainId.Create("healthz", "storage");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadStateAsync("healthz", Probe, new GrainState<StorageProbe>()).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy(provider);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{provider}: grain storage cannot be read", e);
        }
    }
}
