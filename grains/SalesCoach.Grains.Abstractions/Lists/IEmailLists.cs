namespace SalesCoach.Lists;

/// <summary>
/// Port: adds a contact to, or removes it from, an email list (Mailchimp in production). Called
/// only from a lead's <see cref="IEmailListOutboxGrain"/>, after the operation is persisted; the
/// result says whether to retry. A throw counts as "retry later".
/// </summary>
public interface IEmailLists
{
    /// <summary>Applies one subscribe or unsubscribe (an upsert: a repeat has no second effect).</summary>
    Task<EmailListResult> ApplyAsync(EmailListOperation operation, CancellationToken cancellationToken);
}
