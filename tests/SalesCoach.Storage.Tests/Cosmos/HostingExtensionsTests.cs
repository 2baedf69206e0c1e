using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Storage;
using SalesCoach.Storage.Cosmos;

namespace SalesCoach.Storage.Tests.Cosmos;

[Trait("Category", "Cosmos")]
public sealed class HostingExtensionsTests
{
    private static void Valid(CosmosStorageOptions options)
    {
        options.Endpoint = "https://127.0.0.1:1/";
        options.Key = "c2VjcmV0";
    }

    [Fact]
    public void AddCosmosGrainStorage_ValidOptions_ResolvesCosmosGrainStorageByName()
    {
        using var host = BuildHost(silo => silo.AddCosmosGrainStorage("leads", Valid));

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("leads");

        Assert.IsType<CosmosGrainStorage>(storage);
    }

    [Fact]
    public void AddCosmosGrainStorage_SeveralNames_ShareOneClient()
    {
        using var host = BuildHost(silo => silo.AddCosmosGrainStorage("leads", Valid).AddCosmosGrainStorage("reps", Valid).UseCosmosReminderService(Valid));
        var pool = host.Services.GetRequiredService<CosmosClientPool>();
        var options = host.Services.GetRequiredService<IOptionsMonitor<CosmosStorageOptions>>();

        Assert.Same(pool.GetClient(options.Get("leads")), pool.GetClient(options.Get("reps")));
    }

    [Fact]
    public async Task AddCosmosGrainStorage_MissingEndpoint_FailsHostStartNamingTheEndpoint()
    {
        using var host = BuildHost(silo => silo.AddCosmosGrainStorage("leads", o => o.Key = "c2VjcmV0"));

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("CosmosStorageOptions 'leads': Endpoint is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseCosmosReminderService_ValidOptions_ResolvesCosmosReminderTable()
    {
        using var host = BuildHost(silo => silo.UseCosmosReminderService(Valid));

        var table = host.Services.GetRequiredService<IReminderTable>();

        Assert.IsType<CosmosReminderTable>(table);
    }

    // Built, not started: resolving services exercises the registrations without opening a silo.
    private static IHost BuildHost(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            configure(silo);
        });
        return builder.Build();
    }
}
