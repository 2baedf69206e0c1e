namespace SalesCoach.Lists;

/// <summary>How the email-list outboxes retry (section <c>EmailLists</c>).</summary>
public sealed class EmailListOptions
{
    public const string Section = "EmailLists";

    /// <summary>The first retry delay after a 429/5xx; it doubles up to <see cref="MaxRetryDelay"/> (a longer Retry-After wins).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long sent operation ids are remembered to refuse repeats.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(60);

    /// <summary>The period of the safety-net reminder held while operations wait (so a restart resumes them).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
