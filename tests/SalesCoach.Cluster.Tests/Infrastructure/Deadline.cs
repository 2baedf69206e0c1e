using System.Diagnostics;

namespace SalesCoach.Cluster.Tests.Infrastructure;

/// <summary>Bounded polling for process tests: checks a condition until it holds or the time is up, never a fixed sleep.</summary>
public static class Deadline
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls <paramref name="condition"/> until it returns true; throws naming <paramref name="what"/> when <paramref name="within"/> runs out.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"{what}: not within {within.TotalSeconds:0} s");
            }

            await Task.Delay(Interval);
        }
    }
}
