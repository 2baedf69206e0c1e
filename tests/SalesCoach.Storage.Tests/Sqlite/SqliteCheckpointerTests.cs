using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using SalesCoach.Storage.Sqlite;
using SalesCoach.Storage.Tests.Conformance;

namespace SalesCoach.Storage.Tests.Sqlite;

/// <summary>
/// The write-ahead log is copied back into the database file beside the writer (<see cref="SqliteCheckpointer"/>),
/// not only by the writer's own checkpoint, which now waits for <see cref="SqliteCheckpointer.WriterBackstopPages"/>.
/// </summary>
public sealed class SqliteCheckpointerTests : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task Writes_MoreThanACheckpointsWorth_ReachTheDatabaseFileBeforeTheWritersOwnCheckpoint()
    {
        using var storage = _database.CreateGrainStorage();
        var writes = SqliteCheckpointer.EveryWrites + 200;

        // One state per page or so, in batches: far fewer pages than the writer's backstop.
        for (var start = 0; start < writes; start += 100)
        {
            await Task.WhenAll(Enumerable.Range(start, 100).Select(i =>
                storage.WriteStateAsync("lead", GrainId.Create("checkpoint", $"g{i}"), new GrainState<TestState>(new TestState { Count = i, Name = new string('x', 3000) }))));
        }

        // The database file alone (without its log) holds what the background checkpoint copied.
        await Eventually.TrueAsync(async () => await RowsInTheFileAloneAsync() >= SqliteCheckpointer.EveryWrites, "the log copied into the database file");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Rows in a copy of the database file taken without its -wal file: only what a checkpoint has copied.</summary>
    private async Task<long> RowsInTheFileAloneAsync()
    {
        var copy = Path.Combine(Path.GetDirectoryName(_database.FilePath)!, $"alone-{Guid.NewGuid():N}.db");
        File.Copy(_database.FilePath, copy);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM grain_state WHERE grain_id LIKE 'checkpoint/%'";
            return (long)(await count.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return 0; // not even the table yet, or a copy taken mid-checkpoint
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
