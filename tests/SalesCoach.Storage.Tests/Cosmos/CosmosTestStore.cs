using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using SalesCoach.Storage.Cosmos;
using SalesCoach.Testing.Cosmos;

namespace SalesCoach.Storage.Tests.Cosmos;

/// <summary>A database of its own on the test server, deleted on dispose; providers over it share one client pool.</summary>
internal sealed class CosmosTestStore(CosmosServerProcess server) : IAsyncDisposable
{
    private readonly IOptions<ClusterOptions> _clusterOptions = TestServices.NewClusterOptions();
    private readonly CosmosClientPool _clients = new();

    public string Database { get; } = $"tests-{Guid.NewGuid():N}";

    public CosmosStorageOptions CreateOptions() => new()
    {
        Endpoint = server.Endpoint,
        Key = CosmosServerProcess.Key,
        Database = Database,
        ConfigureClient = server.ConfigureClient,
        GrainStorageSerializer = new ExactSizeGrainStorageSerializer(TestServices.Serializer, TestServices.Sessions),
    };

    public CosmosGrainStorage CreateGrainStorage(CosmosStorageOptions? options = null)
        => new("test", options ?? CreateOptions(), _clients, _clusterOptions, TestServices.Activators, NullLogger<CosmosGrainStorage>.Instance);

    public CosmosReminderTable CreateReminderTable()
        => new(CreateOptions(), _clients, _clusterOptions, NullLogger<CosmosReminderTable>.Instance);

    public async ValueTask DisposeAsync()
    {
        using (var response = await _clients.GetClient(CreateOptions()).GetDatabase(Database).DeleteStreamAsync())
        {
            // 404 when no provider ever created it.
        }

        _clients.Dispose();
    }
}
