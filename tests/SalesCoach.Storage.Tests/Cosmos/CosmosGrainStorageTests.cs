using Orleans.Storage;
using SalesCoach.Storage.Tests.Conformance;

namespace SalesCoach.Storage.Tests.Cosmos;

/// <remarks>
/// "Persisted across restart" here means a fresh provider instance over the same running server: the test
/// server keeps data in memory only, as a Cosmos DB account keeps it beyond any silo.
/// </remarks>
[Trait("Category", "Cosmos")]
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosGrainStorageTests(CosmosServerFixture fixture) : GrainStorageConformanceTests
{
    private readonly CosmosTestStore _store = new(fixture.Server);

    protected override IGrainStorage CreateStorage() => _store.CreateGrainStorage();

    protected override Task DisposeStoreAsync() => _store.DisposeAsync().AsTask();
}
