namespace SalesCoach.Lists;

/// <summary>
/// A lead's email-list outbox (key = lead id): operations are persisted before the port is called,
/// retried with a doubling delay on 429/5xx, recorded as failed (not retried) when rejected, and
/// never sent twice (deduplicated by operation id).
/// </summary>
[Alias("SalesCoach.Lists.IEmailListOutboxGrain")]
public interface IEmailListOutboxGrain : IGrainWithStringKey
{
    /// <summary>Queues operations not seen before and starts sending them (outside the caller's turn).</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(IReadOnlyList<EmailListOperation> operations);

    /// <summary>What is waiting, what failed for good and how many were sent.</summary>
    [Alias("Get")]
    Task<EmailListOutboxView> GetAsync();

    /// <summary>Sends what is due now (the timer and the reminder call this too).</summary>
    [Alias("SendDue")]
    Task SendDueAsync();
}
