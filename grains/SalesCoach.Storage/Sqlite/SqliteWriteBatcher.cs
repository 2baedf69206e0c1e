using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// Group commit for grain-state writes to one SQLite file: writes queued by any grain while a commit
/// is under way go together in the next transaction, so many grains share one fsync instead of each
/// paying its own (SQLite has one writer at a time anyway). A caller's task completes only after the
/// commit that holds its write — acknowledged is still on disk. Each write keeps its own ETag check:
/// a conflict fails that write alone, the others in the batch commit.
/// </summary>
/// <remarks>
/// One drain runs at a time, on the thread pool, started by the first write that finds none running;
/// it keeps one connection open while there is work and returns it to the pool when the queue is
/// empty, so an idle file holds no connection (tests delete their files).
/// </remarks>
internal sealed partial class SqliteWriteBatcher
{
    /// <summary>At most this many writes per transaction, so one commit's latency stays bounded.</summary>
    public const int MaxBatch = 256;

    // One batcher per file (and pragmas), shared by every provider on it: two would take turns on SQLite's
    // write lock. Keyed by the pragmas too, so a provider with synchronous=FULL never commits through a
    // connection opened with OFF by another provider on the same file.
    private static readonly ConcurrentDictionary<string, SqliteWriteBatcher> ByKey = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly ILogger _logger;
    private readonly SqliteCheckpointer _checkpointer;
    private int _draining;

    private SqliteWriteBatcher(Func<CancellationToken, Task<SqliteConnection>> open, ILogger logger)
    {
        (_open, _logger) = (open, logger);
        _checkpointer = new SqliteCheckpointer(open, logger);
    }

    /// <summary>The batcher for connections like <paramref name="key"/>'s (<see cref="SqliteConnectionFactory.Key"/>); the first provider to ask supplies how to open them.</summary>
    public static SqliteWriteBatcher For(string key, Func<CancellationToken, Task<SqliteConnection>> open, ILogger logger) =>
        ByKey.GetOrAdd(key, _ => new SqliteWriteBatcher(open, logger));

    /// <summary>Gets how many transactions have committed (for tests and diagnostics).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    private long _commits;

    /// <summary>
    /// Queues one statement that must change exactly one row; completes once its batch has committed:
    /// true when it changed its row, false when it changed none (the caller's ETag conflict).
    /// </summary>
    public Task<bool> WriteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var write = new PendingWrite(sql, parameters);
        _queue.Enqueue(write);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync);
        }

        return write.Done.Task;
    }

    private async Task DrainAsync()
    {
        SqliteWriterConnection? writer = null;
        try
        {
            while (true)
            {
                var batch = Take();
                if (batch.Count == 0)
                {
                    // Let the next writer start a drain, then look once more: a write queued between
                    // Take and the reset would otherwise wait for a drain nobody starts.
                    Volatile.Write(ref _draining, 0);
                    if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                    {
                        return;
                    }

                    continue;
                }

                try
                {
                    writer ??= new SqliteWriterConnection(await _open(CancellationToken.None).ConfigureAwait(false));
                    var started = Stopwatch.GetTimestamp();
                    Commit(writer, batch);
                    SqliteStorageMetrics.TransactionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                    SqliteStorageMetrics.Transactions.Add(1);
                    SqliteStorageMetrics.Writes.Add(batch.Count);
                    Interlocked.Increment(ref _commits);
                    _checkpointer.Committed(batch.Count);
                    foreach (var write in batch)
                    {
                        _ = write.Error is { } error ? write.Done.TrySetException(error) : write.Done.TrySetResult(write.Changed);
                    }
                }
                catch (Exception e)
                {
                    // The transaction rolled back (or never began): none of the batch is on disk.
                    LogBatchFailed(e, batch.Count);
                    foreach (var write in batch)
                    {
                        write.Done.TrySetException(e);
                    }

                    writer?.Dispose();
                    writer = null;
                }
            }
        }
        finally
        {
            writer?.Dispose();
        }
    }

    private List<PendingWrite> Take()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var write))
        {
            batch.Add(write);
        }

        return batch;
    }

    private static void Commit(SqliteWriterConnection writer, List<PendingWrite> batch)
    {
        writer.Begin();
        try
        {
            foreach (var write in batch)
            {
                Execute(writer.Statement(write.Sql, write.Parameters), write);
            }

            var committing = Stopwatch.GetTimestamp();
            writer.Commit();
            SqliteStorageMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(committing).TotalSeconds);
        }
        catch
        {
            try
            {
                writer.RollbackIfOpen();
            }
            catch (SqliteException)
            {
                // The batch's own error is the one to report; the drain drops this connection (see Dispose).
            }

            throw;
        }
    }

    private static void Execute(SqliteCommand command, PendingWrite write)
    {
        try
        {
            write.Changed = command.ExecuteNonQuery() > 0;
        }
        catch (SqliteException e) when (IsStatementError(e))
        {
            // SQLite undid this statement only; the rest of the batch goes on.
            write.Error = e;
        }
    }

    // Errors SQLite answers with a statement-level rollback (constraint, too big, datatype mismatch,
    // range); anything else (I/O, full disk, busy) may have ended the transaction and fails the batch.
    private static bool IsStatementError(SqliteException e) => e.SqliteErrorCode is 18 or 19 or 20 or 25;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A SQLite group commit of {Count} writes failed; each caller gets the error")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed class PendingWrite(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        public string Sql { get; } = sql;

        public IReadOnlyList<(string Name, object? Value)> Parameters { get; } = parameters;

        public bool Changed { get; set; }

        public SqliteException? Error { get; set; }

        // Asynchronous continuations: the drain must not run a caller's code (or a grain turn) inline.
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
