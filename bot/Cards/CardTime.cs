using System.Globalization;

namespace SalesCoach.Bot.Cards;

/// <summary>Times as cards show them, in the viewer's offset: <c>10:42</c>, <c>today 17:00</c>, <c>Tue 3 Dec 09:00</c>.</summary>
internal static class CardTime
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>10:42</c>.</summary>
    public static string Clock(DateTimeOffset time, CardContext context) =>
        context.Local(time).ToString("HH:mm", Invariant);

    /// <summary><c>Tue 3 Dec</c> (with the year when it is not this year).</summary>
    public static string Day(DateTimeOffset time, CardContext context)
    {
        var local = context.Local(time);
        var sameYear = context.Now is not { } now || context.Local(now).Year == local.Year;
        return local.ToString(sameYear ? "ddd d MMM" : "ddd d MMM yyyy", Invariant);
    }

    /// <summary><c>today 17:00</c>, <c>tomorrow 09:00</c>, <c>yesterday 17:00</c>, else <c>Tue 3 Dec 09:00</c>.</summary>
    public static string When(DateTimeOffset time, CardContext context)
    {
        var relative = RelativeDay(time, context);
        return $"{relative ?? Day(time, context)} {Clock(time, context)}";
    }

    /// <summary><c>10:42</c> when it is today (or today is not known), else <c>10:42 on Tue 3 Dec</c>.</summary>
    public static string At(DateTimeOffset time, CardContext context) =>
        context.Now is null || RelativeDay(time, context) == "today"
            ? Clock(time, context)
            : $"{Clock(time, context)} on {Day(time, context)}";

    /// <summary>Whether <paramref name="dueAt"/> has passed (false when now is not known).</summary>
    public static bool IsOverdue(DateTimeOffset dueAt, CardContext context) => context.Now is { } now && dueAt < now;

    /// <summary><c>Due today 17:00</c>, or <c>Overdue since Mon 2 Dec 09:00</c>.</summary>
    public static string Due(DateTimeOffset dueAt, CardContext context, bool? overdue = null) =>
        overdue ?? IsOverdue(dueAt, context) ? $"Overdue since {When(dueAt, context)}" : $"Due {When(dueAt, context)}";

    /// <summary>The end of the viewer's today, as an instant; null when now is not known.</summary>
    public static DateTimeOffset? EndOfToday(CardContext context) =>
        context.Now is { } now ? new DateTimeOffset(context.Local(now).Date.AddDays(1), context.UtcOffset) : null;

    /// <summary><c>4 hours</c>, <c>2 days</c>, <c>1 week</c>, <c>1 day 12 hours</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span.TotalMinutes < 1)
        {
            return "right";
        }

        if (span.Ticks % TimeSpan.FromDays(7).Ticks == 0)
        {
            return CardParts.Count((int)(span.Ticks / TimeSpan.FromDays(7).Ticks), "week");
        }

        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add(CardParts.Count(span.Days, "day"));
        }

        if (span.Hours > 0)
        {
            parts.Add(CardParts.Count(span.Hours, "hour"));
        }

        if (span.Minutes > 0)
        {
            parts.Add(CardParts.Count(span.Minutes, "minute"));
        }

        return string.Join(' ', parts);
    }

    private static string? RelativeDay(DateTimeOffset time, CardContext context)
    {
        if (context.Now is not { } now)
        {
            return null;
        }

        var days = (context.Local(time).Date - context.Local(now).Date).Days;
        return days switch
        {
            0 => "today",
            1 => "tomorrow",
            -1 => "yesterday",
            _ => null,
        };
    }
}
