using System.Net;
using System.Text.Json;
using SalesCoach.Cluster.Tests.Infrastructure;
using SalesCoach.Testing.Cosmos;

namespace SalesCoach.Cluster.Tests;

/// <summary>
/// <c>/healthz</c> of a host on Cosmos DB (API.md: 200 once the silo is active and storage is reachable, 503
/// otherwise): a load balancer must stop sending work to a host whose database has gone away.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class StorageHealthTests
{
    [Fact]
    public async Task Healthz_CosmosServerStops_Answers503WithStorageUnhealthyWhileLivenessStays200()
    {
        var directory = Directory.CreateTempSubdirectory("salescoach-health-").FullName;
        var cosmos = await CosmosServerProcess.StartAsync();
        var ports = FreeTcpPorts.Take(3);
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Cosmos",
            ["Storage:Cosmos:Endpoint"] = cosmos.Endpoint,
            ["Storage:Cosmos:Key"] = CosmosServerProcess.Key,
            ["Storage:Cosmos:Database"] = "health",
            ["Storage:Cosmos:ConnectionMode"] = "Gateway",
            ["Storage:Cosmos:LimitToEndpoint"] = "true",
            ["Seed:Sample"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var environment = new Dictionary<string, string> { ["SSL_CERT_FILE"] = cosmos.CertificatePath, ["DOTNET_gcServer"] = "0" };
        var cosmosStopped = false;
        var silo = SiloProcess.Start(0, ports[0], ports[1], ports[2], settings, environment, directory);
        try
        {
            await silo.WaitHealthyAsync(TimeSpan.FromSeconds(90));
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(silo));

            await cosmos.DisposeAsync();
            cosmosStopped = true;

            // The storage check gives a read 5 s (the Cosmos client may retry within that), then the probe answers.
            await Deadline.UntilAsync(
                () => HealthAsync(silo),
                answer => answer == (HttpStatusCode.ServiceUnavailable, "Unhealthy"),
                TimeSpan.FromSeconds(30),
                $"503 with storage unhealthy once the Cosmos DB server is gone (log: {silo.LogPath})");

            // Liveness leaves the database out: restarting the host would not bring it back.
            using var live = await silo.SendAsync(HttpMethod.Get, "/healthz/live", "admin");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            if (!cosmosStopped)
            {
                await cosmos.DisposeAsync();
            }

            await silo.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(HttpStatusCode Status, string Storage)> HealthAsync(SiloProcess silo)
    {
        using var response = await silo.SendAsync(HttpMethod.Get, "/healthz", "admin");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString()!);
    }
}
