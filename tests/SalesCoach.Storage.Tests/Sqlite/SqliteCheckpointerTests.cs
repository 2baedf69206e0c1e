using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
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

    [Fact]
    public async Task Meters_WhatAnAdminWatches_CountTheWritesTheirTransactionsAndTheCheckpoints()
    {
        // The instruments the README lists for dotnet-counters; other tests' files write to the same meter meanwhile.
        var counts = new ConcurrentDictionary<string, long>();
        var durations = new ConcurrentDictionary<string, (long Count, double Seconds)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SqliteStorageMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => counts.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            durations.AddOrUpdate(instrument.Name, (1, value), (_, sum) => (sum.Count + 1, sum.Seconds + value)));
        listener.Start();

        using var storage = _database.CreateGrainStorage();
        var writes = SqliteCheckpointer.EveryWrites + 200;
        for (var start = 0; start < writes; start += 100)
        {
            await Task.WhenAll(Enumerable.Range(start, 100).Select(i =>
                storage.WriteStateAsync("lead", GrainId.Create("metered", $"g{i}"), new GrainState<TestState>(new TestState { Count = i }))));
        }

        await Eventually.TrueAsync(() => counts.GetValueOrDefault(SqliteStorageMetrics.CheckpointsName) >= 1, "a background checkpoint counted");
        Assert.InRange(counts.GetValueOrDefault(SqliteStorageMetrics.WritesName), writes, long.MaxValue);
        Assert.InRange(counts.GetValueOrDefault(SqliteStorageMetrics.TransactionsName), 1, long.MaxValue);
        foreach (var name in new[] { SqliteStorageMetrics.TransactionDurationName, SqliteStorageMetrics.CommitDurationName, SqliteStorageMetrics.CheckpointDurationName })
        {
            var (count, seconds) = durations.GetValueOrDefault(name);
            Assert.True(count >= 1 && seconds > 0, $"{name}: {count} measurements, {seconds} s");
        }

        // The writer's time covers its commits: COMMIT is a part of each transaction.
        Assert.True(durations[SqliteStorageMetrics.TransactionDurationName].Seconds >= durations[SqliteStorageMetrics.CommitDurationName].Seconds);
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
