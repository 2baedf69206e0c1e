using Orleans;
using SalesCoach.Storage.Tests.Conformance;

namespace SalesCoach.Storage.Tests.Sqlite;

public sealed class SqliteReminderTableTests : ReminderTableConformanceTests
{
    private readonly SqliteTestDatabase _database = new();

    protected override IReminderTable CreateTable() => _database.CreateReminderTable();

    protected override Task DisposeStoreAsync() => _database.DisposeAsync().AsTask();
}
