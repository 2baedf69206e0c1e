namespace SalesCoach.Reps;

/// <summary>How reps are reminded (section <c>Reps</c>).</summary>
public sealed class RepOptions
{
    public const string Section = "Reps";

    /// <summary>The UTC hour at which the daily overdue digest goes out.</summary>
    public int DigestHourUtc { get; set; } = 8;

    /// <summary>The period of the agenda reminder: a safety net if a re-arm is ever lost.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Inside this window before a due time an active rep grain also sets a timer, for precision.</summary>
    public TimeSpan PrecisionWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first retry delay of a failed send; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long sent notification ids are remembered to refuse repeats.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(14);
}
