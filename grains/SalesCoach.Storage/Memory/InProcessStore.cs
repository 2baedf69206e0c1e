using System.Collections.Concurrent;
using Orleans.Runtime;

namespace SalesCoach.Storage.Memory;

/// <summary>The records of one <see cref="InProcessGrainStorage"/> provider: serialized state and ETag per (state name, grain).</summary>
public sealed class InProcessStore
{
    private long _lastETag;

    /// <summary>One stored state. Immutable, so a compare-and-swap on the dictionary is the ETag check.</summary>
    public sealed record Record(string ETag, BinaryData Data);

    internal ConcurrentDictionary<(string State, GrainId Grain), Record> Records { get; } = new();

    /// <summary>How many records are stored.</summary>
    public int Count => Records.Count;

    /// <summary>
    /// A new ETag: a counter that never restarts while the store lives, so an ETag from before a clear
    /// never matches a record written after it.
    /// </summary>
    internal string NewETag() => Interlocked.Increment(ref _lastETag).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
