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
            .Where(item => item.DueAt <= now && !(rep.Prompted.TryGetValue(item.Key, out var at) && at == item.DueAt))
            .OrderBy(item => item.DueAt)];

    /// <summary>The overdue tasks to summarise now, or empty when today's digest is not due or already sent.</summary>
    public static IReadOnlyList<AgendaItem> DigestDue(RepState rep, DateTimeOffset now, int digestHourUtc)
    {
        if (rep.LastDigestDay == Day(now) || now < DigestTime(now, digestHourUtc))
        {
            return [];
        }

        return [.. rep.Agenda.Values.Where(item => item.DueAt < now).OrderBy(item => item.DueAt)];
    }

    /// <summary>When the rep must next be woken: the earliest unprompted due time or the next digest, whichever is first.</summary>
    public static DateTimeOffset? NextWake(RepState rep, DateTimeOffset now, int digestHourUtc)
    {
        DateTimeOffset? next = null;
        foreach (var item in rep.Agenda.Values)
        {
            var prompted = rep.Prompted.TryGetValue(item.Key, out var at) && at == item.DueAt;
            if (!prompted && (next is null || item.DueAt < next))
            {
                next = item.DueAt;
            }
        }

        if (rep.Agenda.Count > 0)
        {
            // The next digest that can have something to say: today's if not yet sent, else tomorrow's.
            var digest = DigestTime(now, digestHourUtc);
            if (rep.LastDigestDay == Day(now))
            {
                digest = digest.AddDays(1);
            }

            var earliestDue = rep.Agenda.Values.Min(item => item.DueAt);
            if (earliestDue < digest && (next is null || digest < next))
            {
                next = digest < now ? now : digest;
            }
        }

        return next;
    }

    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset DigestTime(DateTimeOffset now, int digestHourUtc) =>
        new(now.UtcDateTime.Date.AddHours(digestHourUtc), TimeSpan.Zero);
}
