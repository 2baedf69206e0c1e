using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesCoach.Pipelines;

namespace SalesCoach.Bot.Health;

/// <summary>Healthy once the silo answers a grain call (which also reads grain storage).</summary>
public sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IPipelineRegistryGrain>(IPipelineRegistryGrain.DefaultKey).ListAsync()
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("the silo is not active", e);
        }
    }
}
