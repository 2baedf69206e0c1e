using System.Diagnostics;

namespace SalesCoach.Cluster.Tests.Infrastructure;

/// <summary>Bounded polling for process tests: checks a condition until it holds or the time is up, never a fixed sleep.</summary>
public static class Deadline
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls <paramref name="condition"/> until it returns true; throws naming <paramref name="what"/> when <paramref name="within"/> runs out.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what) => UntilAsync(condition, holds => holds, within, what);

    /// <summary>
    /// Reads <paramref name="read"/> until <paramref name="done"/> holds for its answer and returns that answer; when
    /// <paramref name="within"/> runs out, throws naming <paramref name="what"/> and the last answer.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await read();
            if (done(answer))
            {
                return answer;
            }

            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"{what}: not within {within.TotalSeconds:0} s (last: {answer})");
            }

            await Task.Delay(Interval);
        }
    }
}
