using Orleans.Storage;
using SalesCoach.Storage.Tests.Conformance;

namespace SalesCoach.Storage.Tests.Sqlite;

public sealed class SqliteGrainStorageTests : GrainStorageConformanceTests
{
    private readonly SqliteTestDatabase _database = new();

    protected override IGrainStorage CreateStorage() => _database.CreateGrainStorage();

    protected override Task DisposeStoreAsync() => _database.DisposeAsync().AsTask();
}
