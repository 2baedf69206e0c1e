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

    [Fact]
    public async Task WriteAsync_OneStatementFailsAmongWritesOfTheSameText_OnlyItFailsAndTheOthersCommit()
    {
        using var storage = _database.CreateGrainStorage();
        await storage.WriteStateAsync("lead", GrainId.Create("batch", "warm"), new GrainState<TestState>(new TestState { Name = "opens the file" }));
        using var connections = new SqliteConnectionFactory(_database.CreateOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var batcher = SqliteWriteBatcher.For(connections.Key, _ => throw new InvalidOperationException("already created"), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        const string insert = "INSERT INTO grain_state (service_id, state_name, grain_id, etag, data) VALUES ($service, 'raw', $grain, 'e', x'00');";

        // The same statement text for all, so they share one prepared command; write 20 breaks NOT NULL.
        var writes = Enumerable.Range(0, 40).Select(i => batcher.WriteAsync(insert, [("$service", i == 20 ? null : "svc"), ("$grain", $"raw/{i}")])).ToList();
        var failed = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => writes[20]);

        Assert.Equal(19, failed.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.All(writes.Where((_, i) => i != 20), w => Assert.True(w.Result));
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM grain_state WHERE state_name = 'raw'";
        Assert.Equal(39L, (long)(await count.ExecuteScalarAsync())!);
    }
}
