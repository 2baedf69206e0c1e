using System.Diagnostics.Metrics;
using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Bench;

/// <summary>
/// Sums the SQLite group commit's meters (<see cref="SqliteStorageMetrics"/>) so that <c>durable</c> can say, per
/// round, how busy the file's one writer was and what each of its transactions carried and cost.
/// </summary>
internal sealed class WriterMeters : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly Lock gate = new();
    private Totals totals;

    public WriterMeters()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteStorageMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.Start();
    }

    public Totals Snapshot()
    {
        lock (gate)
        {
            return totals;
        }
    }

    public void Dispose() => listener.Dispose();

    private void Add(string instrument, double value)
    {
        lock (gate)
        {
            totals = instrument switch
            {
                SqliteStorageMetrics.TransactionsName => totals with { Transactions = totals.Transactions + (long)value },
                SqliteStorageMetrics.WritesName => totals with { Writes = totals.Writes + (long)value },
                SqliteStorageMetrics.TransactionDurationName => totals with { TransactionSeconds = totals.TransactionSeconds + value },
                SqliteStorageMetrics.CommitDurationName => totals with { CommitSeconds = totals.CommitSeconds + value },
                _ => totals,
            };
        }
    }

    /// <summary>Sums since the listener started; subtract two snapshots for a period.</summary>
    public readonly record struct Totals(long Transactions, long Writes, double TransactionSeconds, double CommitSeconds)
    {
        public static Totals operator -(Totals a, Totals b) => new(
            a.Transactions - b.Transactions, a.Writes - b.Writes, a.TransactionSeconds - b.TransactionSeconds, a.CommitSeconds - b.CommitSeconds);
    }
}
