using System.Diagnostics.Metrics;

namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// The SQLite group commit's meters (meter <see cref="MeterName"/>; read them with <c>dotnet-counters</c>,
/// OpenTelemetry or a <see cref="MeterListener"/>): transactions, the writes they carried, and how long the
/// file's one writer spent on each — summed over a period, whether that writer is what the commands wait for.
/// </summary>
public static class SqliteStorageMetrics
{
    public const string MeterName = "SalesCoach.Storage.Sqlite";

    // The instruments' names, for listeners that sum them (the bench's WriterMeters).
    public const string TransactionsName = "salescoach.sqlite.transactions";
    public const string WritesName = "salescoach.sqlite.writes";
    public const string TransactionDurationName = "salescoach.sqlite.transaction.duration";
    public const string CommitDurationName = "salescoach.sqlite.commit.duration";
    public const string CheckpointsName = "salescoach.sqlite.checkpoints";
    public const string CheckpointDurationName = "salescoach.sqlite.checkpoint.duration";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Transactions =
        Meter.CreateCounter<long>(TransactionsName, "{transaction}", "Group-commit transactions committed");

    internal static readonly Counter<long> Writes =
        Meter.CreateCounter<long>(WritesName, "{write}", "Grain-state writes committed, over all transactions");

    internal static readonly Histogram<double> TransactionDuration =
        Meter.CreateHistogram<double>(TransactionDurationName, "s", "The writer's time on one transaction: its statements and the commit");

    internal static readonly Histogram<double> CommitDuration =
        Meter.CreateHistogram<double>(CommitDurationName, "s", "The COMMIT alone: appending the pages to the write-ahead log, the fsync, any checkpoint");

    internal static readonly Counter<long> Checkpoints =
        Meter.CreateCounter<long>(CheckpointsName, "{checkpoint}", "Background checkpoints run beside the writer (SqliteCheckpointer)");

    internal static readonly Histogram<double> CheckpointDuration =
        Meter.CreateHistogram<double>(CheckpointDurationName, "s", "A background checkpoint: copying the write-ahead log into the database file");
}
