namespace SalesCoach.Common;

/// <summary>
/// How every outbox here waits before trying again: doubling from the first delay up to a cap, and a
/// longer <c>Retry-After</c> from the other side wins.
/// </summary>
public static class RetryBackoff
{
    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (1 = the first).</summary>
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan max, TimeSpan? retryAfter = null)
    {
        var delay = first * Math.Pow(2, Math.Min(attempts - 1, 20));
        delay = delay < max ? delay : max;
        return retryAfter is { } after && after > delay ? after : delay;
    }
}
