using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// Copies a file's write-ahead log back into the database on a connection of its own, beside the
/// writer. Left to SQLite, that checkpoint runs inside the writer's COMMIT every 1,000 pages, and every
/// write queued behind it waits: under the endpoint benchmark it doubled the writer's time per
/// transaction (p99 12 ms against 6 ms without). A passive checkpoint takes only the checkpoint lock,
/// so the writer goes on appending meanwhile.
/// </summary>
/// <remarks>
/// The writer's own automatic checkpoint stays, at <see cref="WriterBackstopPages"/>
/// (<see cref="SqliteConnectionFactory"/>): under unbroken load the log only starts again from its
/// beginning after a checkpoint that nothing appended beside, and the writer's is such a one; most of
/// the log is copied already by then, so it is short.
/// </remarks>
internal sealed partial class SqliteCheckpointer(Func<CancellationToken, Task<SqliteConnection>> open, ILogger logger)
{
    /// <summary>A checkpoint starts after this many committed writes (about one page each).</summary>
    public const int EveryWrites = 1000;

    /// <summary>The writer's automatic checkpoint (<c>wal_autocheckpoint</c>, pages): four of ours.</summary>
    public const int WriterBackstopPages = 4 * EveryWrites;

    private long _writesSince;
    private int _running;

    /// <summary>Counts a transaction's writes; starts a checkpoint in the background when enough have built up and none is running.</summary>
    public void Committed(int writes)
    {
        if (Interlocked.Add(ref _writesSince, writes) >= EveryWrites && Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _writesSince, 0);
            _ = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = await open(CancellationToken.None).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            SqliteStorageMetrics.Checkpoints.Add(1);
        }
        catch (Exception e)
        {
            // Nothing is lost: the log keeps the pages, and the writer's own checkpoint copies them later.
            LogCheckpointFailed(e);
        }
        finally
        {
            SqliteStorageMetrics.CheckpointDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            Volatile.Write(ref _running, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A background SQLite checkpoint failed; the writer's own checkpoint will copy the log instead")]
    private partial void LogCheckpointFailed(Exception exception);
}
