using System.Net;
using System.Text.Json;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Health;

/// <summary><c>GET /healthz</c> (API.md "Starting the host").</summary>
[Collection(HostCollection.Name)]
public sealed class HealthTests(SalesCoachHostFixture host)
{
    [Fact]
    public async Task Healthz_HostStarted_Returns200()
    {
        using var response = await host.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_NoCaller_IsNotBehindAuthentication()
    {
        using var response = await host.Anonymous().GetAsync("/healthz");
        using var api = await host.Anonymous().GetAsync("/api/pipelines");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Healthz_SqliteStorage_ReportsTheStorageCheckHealthyByProvider()
    {
        using var response = await host.Anonymous().GetAsync("/healthz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var storage = body.RootElement.GetProperty("checks").GetProperty("storage");
        Assert.Equal(("Healthy", "sqlite"), (storage.GetProperty("status").GetString(), storage.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task HealthzLive_HostStarted_RunsOnlyTheSiloCheck()
    {
        using var response = await host.Anonymous().GetAsync("/healthz/live");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["silo"], body.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name));
    }
}
