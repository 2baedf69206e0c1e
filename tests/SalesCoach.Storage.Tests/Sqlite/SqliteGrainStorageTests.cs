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
        using var connections = new SqliteConnectionFactory(_database.CreateOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var batcher = await FileBatcherAsync(storage, connections);
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
        using var connections = new SqliteConnectionFactory(_database.CreateOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var batcher = await FileBatcherAsync(storage, connections);
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

    [Fact]
    public async Task WriteAsync_ABatchFailsWhole_NoneOfItIsStoredAndTheNextWritesCommit()
    {
        using var storage = _database.CreateGrainStorage();
        using var connections = new SqliteConnectionFactory(_database.CreateOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var batcher = await FileBatcherAsync(storage, connections);
        const string insert = "INSERT INTO grain_state (service_id, state_name, grain_id, etag, data) VALUES ('svc', 'raw', $grain, 'e', x'00');";
        List<Task<bool>> writes;

        // Another connection holds the write lock while the writes queue, so most of them share one transaction.
        await using (var blocker = await connections.OpenAsync(CancellationToken.None))
        {
            await using var begin = blocker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();

            // A statement SQLite cannot prepare is not a statement-level error: its whole transaction rolls back.
            var queued = Enumerable.Range(0, 30).Select(i => batcher.WriteAsync(i == 10 ? "INSERT INTO no_such_table VALUES (1);" : insert, [("$grain", $"raw/{i}")])).ToList();
            writes = queued;
            begin.CommandText = "ROLLBACK;";
            await begin.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => writes[10]);
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));

        // The next batch begins a transaction of its own: none was left open on the pooled connection.
        Assert.True(await batcher.WriteAsync(insert, [("$grain", "raw/after")]));
        var stored = new List<string>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT grain_id FROM grain_state WHERE state_name = 'raw'";
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        var committed = writes.Select((w, i) => (w, i)).Where(x => x.w.IsCompletedSuccessfully).Select(x => $"raw/{x.i}").Append("raw/after");
        Assert.Equal(committed.Order(), stored.Order()); // acknowledged = stored; failed = not stored
    }

    /// <summary>The file's group commit, which a first write through <paramref name="storage"/> has created (with the schema).</summary>
    private static async Task<SqliteWriteBatcher> FileBatcherAsync(IGrainStorage storage, SqliteConnectionFactory connections)
    {
        await storage.WriteStateAsync("lead", GrainId.Create("batch", "warm"), new GrainState<TestState>(new TestState { Name = "opens the file" }));
        return SqliteWriteBatcher.For(connections.Key, _ => throw new InvalidOperationException("already created"), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }
}
