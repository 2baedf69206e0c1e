using Orleans.Runtime;
using Orleans.Storage;
using SalesCoach.Storage.Sqlite;
using SalesCoach.Storage.Tests.Conformance;

namespace SalesCoach.Storage.Tests.Sqlite;

public sealed class SqliteGrainStorageTests : GrainStorageConformanceTests
{
    private readonly SqliteTestDatabase _database = new();

    protected override IGrainStorage CreateStorage() => _database.CreateGrainStorage();

    protected override Task DisposeStoreAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task WriteStateAsync_ManyGrainsAtOnce_ShareCommits()
    {
        using var storage = _database.CreateGrainStorage();
        var warm = new GrainState<TestState>(new TestState { Name = "opens the file" });
        await storage.WriteStateAsync("lead", GrainId.Create("batch", "warm"), warm);
        using var connections = new SqliteConnectionFactory(_database.CreateOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var batcher = SqliteWriteBatcher.For(connections.Key, _ => throw new InvalidOperationException("already created"), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var commitsBefore = batcher.Commits;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            storage.WriteStateAsync("lead", GrainId.Create("batch", $"g{i}"), new GrainState<TestState>(new TestState { Count = i }))));

        // Every write waited for its commit; while one commit's fsync ran, the next writes queued for the next.
        Assert.InRange(batcher.Commits - commitsBefore, 1, 199);
    }
}
