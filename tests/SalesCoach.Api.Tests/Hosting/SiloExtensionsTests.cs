using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using SalesCoach.Bot.Extensions;
using SalesCoach.Reps;
using SalesCoach.Storage.Cosmos;

namespace SalesCoach.Api.Tests.Hosting;

/// <summary>The storage and clustering profiles chosen by configuration; the host is built, never started.</summary>
public sealed class SiloExtensionsTests
{
    private static readonly string[] CloudProfile =
    [
        "--Storage:Provider", "Cosmos",
        "--Storage:Cosmos:Endpoint", "https://127.0.0.1:1/",
        "--Storage:Cosmos:Key", "c2VjcmV0",
        "--Orleans:Clustering", "Redis",
        "--Orleans:Redis:ConnectionString", "127.0.0.1:1",
        "--Orleans:AdvertisedIP", "127.0.0.1",
    ];

    [Fact]
    public void AddSalesCoachSilo_CosmosProvider_UsesCosmosForEveryStorageNameAndReminders()
    {
        using var app = Build(CloudProfile);

        Assert.All(StorageNames.All, name => Assert.IsType<CosmosGrainStorage>(app.Services.GetRequiredKeyedService<IGrainStorage>(name)));
        Assert.IsType<CosmosReminderTable>(app.Services.GetRequiredService<Orleans.IReminderTable>());
    }

    [Fact]
    public void AddSalesCoachSilo_CosmosProviderWithKey_SharesOneClientAcrossProviders()
    {
        using var app = Build(CloudProfile);
        var options = app.Services.GetRequiredService<IOptionsMonitor<CosmosStorageOptions>>();
        var pool = app.Services.GetRequiredService<CosmosClientPool>();

        Assert.Same(pool.GetClient(options.Get(StorageNames.Leads)), pool.GetClient(options.Get(CosmosReminderTable.OptionsName)));
        Assert.Equal("c2VjcmV0", options.Get(StorageNames.Leads).Key);
        Assert.Null(options.Get(StorageNames.Leads).Credential);
    }

    [Fact]
    public void AddSalesCoachSilo_CosmosProviderWithoutKey_SignsInWithEntraCredential()
    {
        using var app = Build([.. CloudProfile.Where((_, i) => i is not (4 or 5))]);

        var options = app.Services.GetRequiredService<IOptionsMonitor<CosmosStorageOptions>>().Get(StorageNames.Reps);

        Assert.IsType<Azure.Identity.DefaultAzureCredential>(options.Credential);
    }

    [Fact]
    public void AddSalesCoachSilo_RedisClustering_UsesRedisMembershipAndTheAdvertisedAddress()
    {
        using var app = Build(CloudProfile);

        var membership = app.Services.GetRequiredService<Orleans.IMembershipTable>();
        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal("RedisMembershipTable", membership.GetType().Name);
        Assert.Equal(System.Net.IPAddress.Loopback, endpoints.AdvertisedIPAddress);
    }

    [Fact]
    public void AddSalesCoachSilo_RedisClusteringWithoutConnectionString_FailsNamingTheKey()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Build("--Orleans:Clustering", "Redis"));

        Assert.Contains("Orleans:Redis:ConnectionString", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSalesCoachSilo_MembershipSection_BindsClusterMembershipOptions()
    {
        using var app = Build("--Orleans:Membership:ProbeTimeout", "00:00:03", "--Orleans:Membership:NumMissedProbesLimit", "4");

        var membership = app.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(3), membership.ProbeTimeout);
        Assert.Equal(4, membership.NumMissedProbesLimit);
    }

    [Fact]
    public void AddSalesCoachSilo_WebhookUrl_ReplacesTheChannelNotifier()
    {
        using var app = Build("--Notifications:Webhook:Url", "http://127.0.0.1:1/hook");

        Assert.IsType<SalesCoach.Bot.Notifications.WebhookNotifier>(app.Services.GetRequiredService<INotifier>());
    }

    [Fact]
    public void AddSalesCoachSilo_NoSettings_KeepsTheChannelNotifier()
    {
        using var app = Build();

        Assert.IsType<SalesCoach.Bot.Teams.ChannelNotifier>(app.Services.GetRequiredService<INotifier>());
    }

    private static DisposableApp Build(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddSalesCoachSilo();
        builder.AddSalesCoachBot();
        return new DisposableApp(builder.Build());
    }

    private sealed class DisposableApp(WebApplication app) : IDisposable
    {
        public IServiceProvider Services => app.Services;

        public void Dispose() => ((IDisposable)app).Dispose();
    }
}
