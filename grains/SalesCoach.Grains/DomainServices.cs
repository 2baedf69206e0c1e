using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoach.Common;
using SalesCoach.DirectorySync;
using SalesCoach.Enrichment;
using SalesCoach.Reps;

namespace SalesCoach;

/// <summary>The plain-code services the grains need wherever a silo runs them (the host, the simulator, tests).</summary>
public static class DomainServices
{
    /// <summary>Registers the domain's own services; a host may register its own clock or notifier first (TryAdd keeps them).</summary>
    public static IServiceCollection AddSalesCoachDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(new SalesClock(TimeProvider.System));
        services.TryAddSingleton<IEnricher, EmailEnricher>();
        services.TryAddSingleton<ITeamsAppInstaller, NoTeamsAppInstaller>();
        services.AddOptions<RepOptions>();
        CachedGrainInterfaceTypes.Register(services);
        return services;
    }
}
