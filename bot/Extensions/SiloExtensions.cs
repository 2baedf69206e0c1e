using System.Net;
using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using SalesCoach.Bot.Hosting;
using SalesCoach.Common;
using SalesCoach.Reps;
using SalesCoach.Storage.Cosmos;
using SalesCoach.Storage.Memory;
using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Bot.Extensions;

/// <summary>Co-hosts the Orleans silo: clustering, the storage profile chosen by configuration, the domain's services.</summary>
public static class SiloExtensions
{
    public static IHostApplicationBuilder AddSalesCoachSilo(this IHostApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new();
        var storage = builder.Configuration.GetSection(StorageSettings.Section).Get<StorageSettings>() ?? new();
        HideClusteringWordFromOrleans(builder.Configuration);
        builder.Services.AddSingleton(storage);

        builder.UseOrleans(silo =>
        {
            silo.AddSalesCoachClustering(orleans);
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(OrleansSettings.MembershipSection));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1));
            silo.AddSalesCoachStorage(storage);
        });

        builder.Services.AddSalesCoachDomain();
        builder.AddWebhookNotifier(); // when configured it wins over the bot's channel notifier (registered with TryAdd)
        builder.Services.AddOptions<RepOptions>().BindConfiguration(RepOptions.Section);
        builder.Services.AddHostedService<SampleData.SampleSeeder>();
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>
    /// Orleans reads <c>Orleans:Clustering</c> as its own provider section (<c>Orleans:Clustering:ProviderType</c>) and
    /// fails on a plain value. Here the key is a plain word (<c>Localhost</c>, <c>Redis</c>), already bound to
    /// <see cref="OrleansSettings"/>, so it is hidden from Orleans; a section in Orleans' own form is left to Orleans.
    /// </summary>
    private static void HideClusteringWordFromOrleans(IConfiguration configuration)
    {
        var key = $"{OrleansSettings.Section}:{nameof(OrleansSettings.Clustering)}";
        if (configuration[key] is not null && !configuration.GetSection(key).GetChildren().Any())
        {
            configuration[key] = null;
        }
    }

    private static void AddSalesCoachClustering(this ISiloBuilder silo, OrleansSettings orleans)
    {
        if (silo.Configuration.GetSection($"{OrleansSettings.Section}:{nameof(OrleansSettings.Clustering)}").GetChildren().Any())
        {
            return; // configured in Orleans' own form (Orleans:Clustering:ProviderType)
        }

        switch (orleans.Clustering.ToLowerInvariant())
        {
            case "localhost":
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                break;
            case "redis":
                if (string.IsNullOrWhiteSpace(orleans.Redis.ConnectionString))
                {
                    throw new InvalidOperationException("Orleans:Clustering is Redis but Orleans:Redis:ConnectionString is not set.");
                }

                silo.UseRedisClustering(orleans.Redis.ConnectionString);
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
                if (orleans.AdvertisedIP is { Length: > 0 } advertised)
                {
                    var address = IPAddress.Parse(advertised);
                    silo.ConfigureEndpoints(address, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
                }
                else
                {
                    silo.ConfigureEndpoints(orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: true);
                }

                break;
            default:
                throw new InvalidOperationException(
                    $"Orleans:Clustering '{orleans.Clustering}' is not known; use Localhost (the default) or Redis.");
        }
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
            case "cosmos":
                var configure = CosmosOptions(storage.Cosmos);
                foreach (var name in StorageNames.All)
                {
                    silo.AddCosmosGrainStorage(name, configure);
                }

                silo.UseCosmosReminderService(configure);
                break;
            case "memory":
                foreach (var name in StorageNames.All)
                {
                    silo.AddBinaryMemoryGrainStorage(name);
                }

                silo.UseInMemoryReminderService();
                break;
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{storage.Provider}' is not known; use Sqlite (the default), Cosmos or Memory.");
        }
    }

    /// <summary>One configuration for every Cosmos provider, so that they share one client (the pool keys on the credential and the client hook).</summary>
    private static Action<CosmosStorageOptions> CosmosOptions(StorageSettings.CosmosSettings cosmos)
    {
        TokenCredential? credential = string.IsNullOrEmpty(cosmos.Key) ? new DefaultAzureCredential() : null;
        var mode = Enum.Parse<ConnectionMode>(cosmos.ConnectionMode, ignoreCase: true);
        Action<CosmosClientOptions> client = o => (o.ConnectionMode, o.LimitToEndpoint) = (mode, cosmos.LimitToEndpoint);
        return o =>
        {
            o.Endpoint = cosmos.Endpoint;
            o.Key = cosmos.Key;
            o.Credential = credential;
            o.Database = cosmos.Database;
            o.GrainStateContainer = cosmos.GrainStateContainer;
            o.ReminderContainer = cosmos.ReminderContainer;
            o.CreateIfNotExists = cosmos.CreateIfNotExists;
            o.ConfigureClient = client;
        };
    }
}
