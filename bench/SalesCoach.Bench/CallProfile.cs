using System.Collections.Concurrent;
using System.Diagnostics;

namespace SalesCoach.Bench;

/// <summary>
/// A poor man's profile of the command path: every grain call the silo receives, counted and timed
/// (wall time inside the call, including the awaits on the calls it makes) by interface.method.
/// </summary>
public sealed class CallProfile : IIncomingGrainCallFilter
{
    private sealed class Counter
    {
        public long Count;
        public long Ticks;
    }

    private static readonly ConcurrentDictionary<string, Counter> Counters = new(StringComparer.Ordinal);

    /// <summary>Registered only with <c>--profile on</c>: the filter adds work to every call, the baseline's included.</summary>
    public static bool Enabled { get; set; }

    private static IEnumerable<KeyValuePair<string, (long Count, long Ticks)>> Calls =>
        Counters.Select(kv => KeyValuePair.Create(kv.Key, (Interlocked.Read(ref kv.Value.Count), Interlocked.Read(ref kv.Value.Ticks))));

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await context.Invoke();
        }
        finally
        {
            var ticks = Stopwatch.GetTimestamp() - start;
            // Lock-free after the first call of a method: an earlier AddOrUpdate on one key per method serialised every call.
            var counter = Counters.GetOrAdd($"{context.InterfaceName}.{context.MethodName}", static _ => new Counter());
            Interlocked.Increment(ref counter.Count);
            Interlocked.Add(ref counter.Ticks, ticks);
        }
    }

    public static Dictionary<string, (long Count, long Ticks)> Snapshot() => new(Calls);

    /// <summary>Adds the calls made since <paramref name="before"/> to <paramref name="into"/> (so that only the timed phases count).</summary>
    public static void Accumulate(Dictionary<string, (long Count, long Ticks)> before, Dictionary<string, (long Count, long Ticks)> into)
    {
        foreach (var (key, (count, ticks)) in Calls)
        {
            var (c0, t0) = before.GetValueOrDefault(key);
            var (c1, t1) = into.GetValueOrDefault(key);
            into[key] = (c1 + count - c0, t1 + ticks - t0);
        }
    }

    /// <summary>Rows "interface.method: calls per command, mean ms" for the calls in <paramref name="measured"/>.</summary>
    public static IEnumerable<(string, string)> PerCommand(Dictionary<string, (long Count, long Ticks)> measured, long commands) =>
        measured.Select(kv => (Name: kv.Key, kv.Value.Count, kv.Value.Ticks))
        .Where(x => x.Count > 0 && !x.Name.Contains("IBenchGrain", StringComparison.Ordinal))
        .OrderByDescending(x => x.Ticks)
        .Take(8)
        .Select(x => ("  " + x.Name.Split('.')[^2..].Aggregate((a, b) => a + "." + b),
            $"{x.Count / (double)Math.Max(1, commands):F2} calls/command, mean {x.Ticks * 1000.0 / Stopwatch.Frequency / x.Count:F2} ms"));
}
