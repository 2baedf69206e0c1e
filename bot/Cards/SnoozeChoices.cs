using System.Globalization;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// The new due times a task prompt offers (the values of the <see cref="CardInputs.Snooze"/>
/// choice set) and how a handler turns the submitted inputs into a time.
/// </summary>
public static class SnoozeChoices
{
    /// <summary>An hour from when the rep clicks.</summary>
    public const string InOneHour = "in1h";

    /// <summary>Tomorrow at 09:00 in the rep's time zone.</summary>
    public const string TomorrowMorning = "tomorrow9";

    /// <summary>Two days from when the rep clicks.</summary>
    public const string InTwoDays = "in2d";

    /// <summary>The date (and time, 09:00 unless given) picked in the date and time inputs.</summary>
    public const string OnDate = "date";

    /// <summary>Title and value of each choice, in the order shown.</summary>
    public static IReadOnlyList<(string Title, string Value)> All { get; } =
    [
        ("In 1 hour", InOneHour),
        ("Tomorrow 9:00", TomorrowMorning),
        ("In 2 days", InTwoDays),
        ("On the date below", OnDate),
    ];

    private static readonly TimeOnly Morning = new(9, 0);

    /// <summary>
    /// The new due time (UTC) the inputs of a <see cref="CardVerbs.SnoozeTask"/> ask for, or null
    /// when they name none or a time not after <paramref name="now"/>. A date without a choice
    /// counts as <see cref="OnDate"/>; date and time are read in <see cref="CardActionData.UtcOffset"/>.
    /// </summary>
    public static DateTimeOffset? Resolve(CardActionData data, DateTimeOffset now)
    {
        var offset = ParseOffset(data.UtcOffset);
        var localNow = now.ToOffset(offset);
        var choice = data.Snooze ?? (data.SnoozeDate is null ? null : OnDate);
        DateTimeOffset? until = choice switch
        {
            InOneHour => now.AddHours(1),
            InTwoDays => now.AddDays(2),
            TomorrowMorning => At(DateOnly.FromDateTime(localNow.Date).AddDays(1), Morning, offset),
            OnDate => OnPickedDate(data, offset),
            _ => null,
        };
        return until is { } time && time > now ? time.ToUniversalTime() : null;
    }

    /// <summary>An offset as cards write it (<c>+02:00</c>, <c>-05:30</c>).</summary>
    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset? OnPickedDate(CardActionData data, TimeSpan offset)
    {
        if (!DateOnly.TryParseExact(data.SnoozeDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var time = Morning;
        if (data.SnoozeTime is not null
            && !TimeOnly.TryParseExact(data.SnoozeTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return null;
        }

        return At(date, time, offset);
    }

    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeSpan offset) =>
        new(date.ToDateTime(time), offset);

    private static TimeSpan ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.Zero;
        }

        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        return TimeSpan.TryParseExact(body, @"hh\:mm", CultureInfo.InvariantCulture, out var span)
            && span <= TimeSpan.FromHours(14)
            ? (negative ? -span : span)
            : TimeSpan.Zero;
    }
}
