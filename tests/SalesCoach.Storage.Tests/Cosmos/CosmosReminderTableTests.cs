using Orleans;
using SalesCoach.Storage.Tests.Conformance;

namespace SalesCoach.Storage.Tests.Cosmos;

/// <remarks>
/// "Persisted across restart" here means a fresh table instance over the same running server: the test
/// server keeps data in memory only, as a Cosmos DB account keeps it beyond any silo.
/// </remarks>
[Trait("Category", "Cosmos")]
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosReminderTableTests(CosmosServerFixture fixture) : ReminderTableConformanceTests
{
    private readonly CosmosTestStore _store = new(fixture.Server);

    protected override IReminderTable CreateTable() => _store.CreateReminderTable();

    protected override Task DisposeStoreAsync() => _store.DisposeAsync().AsTask();
}
