using SalesCoach.Testing.Cosmos;

namespace SalesCoach.Storage.Tests.Cosmos;

/// <summary>One Cosmos DB test server for every Cosmos test class; each test uses a database of its own.</summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    private CosmosServerProcess? _server;

    public CosmosServerProcess Server => _server ?? throw new InvalidOperationException("the Cosmos DB test server has not started");

    public async Task InitializeAsync() => _server = await CosmosServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The Cosmos test classes, which share one <see cref="CosmosServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosServerCollection : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "cosmos-server";
}
