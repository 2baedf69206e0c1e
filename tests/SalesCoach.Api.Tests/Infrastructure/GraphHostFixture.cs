using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoach.Api.Tests.Integrations;
using SalesCoach.Bot.Integrations.Graph;
using SalesCoach.DirectorySync;
using Request = WireMock.RequestBuilders.Request;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>
/// A second in-memory host, with Microsoft Graph configured (<c>Graph:*</c>, a Teams app id) and its Graph
/// client — the real SDK with app-only tokens — pointed at a loopback <see cref="GraphStub"/>.
/// </summary>
public sealed class GraphHostFixture : InMemoryHostFixture
{
    public const string TeamsAppId = "8f1e9b2a-0000-4c3d-9e8f-salescoach01";

    public GraphStub Graph { get; } = new();

    public override Task InitializeAsync()
    {
        // The start-up sync finds an empty directory (the sync itself is covered by DirectorySyncScheduleTests).
        Graph.Server.Given(Request.Create().WithPath("/v1.0/users").UsingGet()).AtPriority(100)
            .RespondWith(GraphStub.Json(new JsonObject { ["value"] = new JsonArray() }));
        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Graph.Dispose();
    }

    protected override WebApplicationFactory<Program> CreateFactory() =>
        new SalesCoachApplicationFactory(DatabasePath, Clock).WithWebHostBuilder(builder =>
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
}

/// <summary>The test classes that share one <see cref="GraphHostFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class GraphHostCollection : ICollectionFixture<GraphHostFixture>
{
    public const string Name = "graph-host";
}
