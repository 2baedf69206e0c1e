using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using SalesCoach.Bot.Hosting;
using SalesCoach.Common;
using SalesCoach.Reps;
using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Bot.Extensions;

/// <summary>Co-hosts the Orleans silo: clustering, the storage profile chosen by configuration, the domain's services.</summary>
public static class SiloExtensions
{
    public static IHostApplicationBuilder AddSalesCoachSilo(this IHostApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new();
        var storage = builder.Configuration.GetSection(StorageSettings.Section).Get<StorageSettings>() ?? new();
        builder.Services.AddSingleton(storage);

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1));
            silo.AddSalesCoachStorage(storage);
        });

        builder.Services.TryAddSingleton(new SalesClock(TimeProvider.System));
        builder.Services.AddOptions<RepOptions>().BindConfiguration(RepOptions.Section);
        builder.Services.AddHostedService<SampleData.SampleSeeder>();
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    private static void AddSalesCoachStorage(this ISiloBuilder silo, StorageSettings storage)
    {
        switch (storage.Provider.ToLowerInvariant())
        {
            case "sqlite":
                var path = Path.GetFullPath(storage.Sqlite.Path);
                foreach (var name in StorageNames.All)
                {
                    silo.AddSqliteGrainStorage(name, o => o.Path = path);
                }

                silo.UseSqliteReminderService(o => o.Path = path);
                break;
            case "memory":
                foreach (var name in StorageNames.All)
                {
                    silo.AddMemoryGrainStorage(name);
                }

                silo.UseInMemoryReminderService();
                break;
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{storage.Provider}' is not known; use Sqlite (the default) or Memory.");
        }
    }
}
