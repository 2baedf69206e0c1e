namespace SalesCoach.Lists;

/// <summary>What became of one attempt at an <see cref="EmailListOperation"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record EmailListResult(
    [property: Id(0)] EmailListOutcome Outcome,
    [property: Id(1)] string? Detail = null,
    [property: Id(2)] TimeSpan? RetryAfter = null)
{
    public static EmailListResult Applied { get; } = new(EmailListOutcome.Applied);

    /// <summary>Nothing sent because no provider is configured; not retried.</summary>
    public static EmailListResult NotConfigured { get; } = new(EmailListOutcome.Skipped, "no email-list provider is configured");

    public static EmailListResult Retry(string detail, TimeSpan? after = null) => new(EmailListOutcome.Retry, detail, after);

    public static EmailListResult Rejected(string detail) => new(EmailListOutcome.Rejected, detail);
}
