using System.Globalization;

namespace SalesCoach.Reps;

/// <summary>
/// When a rep must hear about their agenda: each task once when it falls due, and one digest of
/// overdue tasks a day. Plain code; the grain turns "next wake" into its one reminder.
/// </summary>
public static class AgendaSchedule
{
    /// <summary>Tasks due at or before <paramref name="now"/> not yet prompted for their current due time.</summary>
    public static IReadOnlyList<AgendaItem> DueForPrompt(RepState rep, DateTimeOffset now) =>
        [.. rep.Agenda.Values
            .Where(item => item.DueAt <= now && !rep.IsPromptedFor(item.Key, item.DueAt))
            .OrderBy(item => item.DueAt)];

    /// <summary>
    /// The tasks to summarise now: those already overdue at today's digest hour, once the hour has
    /// come and today's digest is not sent. A task falling due later today has its own prompt and
    /// waits for tomorrow's digest.
    /// </summary>
    public static IReadOnlyList<AgendaItem> DigestDue(RepState rep, DateTimeOffset now, int digestHourUtc)
    {
        var digest = DigestTime(now, digestHourUtc);
        if (rep.LastDigestDay == Day(now) || now < digest)
        {
            return [];
        }

        return [.. rep.Agenda.Values.Where(item => item.DueAt < digest).OrderBy(item => item.DueAt)];
    }

    /// <summary>When the rep must next be woken: the earliest unprompted due time or the next digest with something in it, whichever is first.</summary>
    public static DateTimeOffset? NextWake(RepState rep, DateTimeOffset now, int digestHourUtc)
    {
        // Runs on every agenda change: the bounds are kept by the rep's change methods, not found by a walk.
        var (earliestDue, next) = rep.Bounds;
        if (earliestDue is null)
        {
            return next;
        }

        var digest = DigestTime(now, digestHourUtc);
        if (rep.LastDigestDay == Day(now) || earliestDue >= digest)
        {
            digest = digest.AddDays(1); // today's is sent, or would have nothing in it
        }

        if (earliestDue < digest)
        {
            var digestWake = digest < now ? now : digest;
            if (next is null || digestWake < next)
            {
                next = digestWake;
            }
        }

        return next;
    }

    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset DigestTime(DateTimeOffset now, int digestHourUtc) =>
        new(now.UtcDateTime.Date.AddHours(digestHourUtc), TimeSpan.Zero);
}
