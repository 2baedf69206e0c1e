using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Api.Tests.Integrations;
using SalesCoach.Bot.Integrations.Graph;
using SalesCoach.DirectorySync;
using Request = WireMock.RequestBuilders.Request;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>
/// A second in-memory host, with Microsoft Graph configured (<c>Graph:*</c>, a Teams app id) and its Graph
/// client — the real SDK with app-only tokens — pointed at a loopback <see cref="GraphStub"/>.
/// </summary>
public sealed class GraphHostFixture : IAsyncLifetime
{
    public const string TeamsAppId = "8f1e9b2a-0000-4c3d-9e8f-salescoach01";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "salescoach-api-tests", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, HttpClient> clients = new();
    private WebApplicationFactory<Program>? factory;

    public GraphStub Graph { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => (factory ?? throw new InvalidOperationException("not started")).Services;

    public async Task InitializeAsync()
    {
        // The start-up sync finds an empty directory (the sync itself is covered by DirectorySyncScheduleTests).
        Graph.Server.Given(Request.Create().WithPath("/v1.0/users").UsingGet()).AtPriority(100)
            .RespondWith(GraphStub.Json(new JsonObject { ["value"] = new JsonArray() }));
        factory = new SalesCoachApplicationFactory(Path.Combine(directory, "salescoach.db"), Clock).WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Graph:TenantId", "contoso-tenant");
            builder.UseSetting("Graph:ClientId", "salescoach-app");
            builder.UseSetting("Graph:ClientSecret", "not-used-by-the-stub");
            builder.UseSetting("Graph:BaseUrl", Graph.BaseUrl.ToString());
            builder.UseSetting("Graph:TeamsAppId", TeamsAppId);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IDirectory>();
                services.AddSingleton<IDirectory>(new GraphDirectory(Graph.Client())); // the real SDK; only the token is fixed
            });
        });
        using var response = await As("").GetAsync("/healthz");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the Graph host answers /healthz with {(int)response.StatusCode}");
        }
    }

    /// <summary>A client that sends <c>X-SalesCoach-User: <paramref name="callerId"/></c> (none for an empty id).</summary>
    public HttpClient As(string callerId) => clients.GetOrAdd(callerId, id =>
    {
        var client = factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (id.Length > 0)
        {
            client.DefaultRequestHeaders.Add("X-SalesCoach-User", id);
        }

        return client;
    });

    public async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        Graph.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp directory behind.
        }
    }
}

/// <summary>The test classes that share one <see cref="GraphHostFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class GraphHostCollection : ICollectionFixture<GraphHostFixture>
{
    public const string Name = "graph-host";
}
