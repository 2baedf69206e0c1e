namespace SalesCoach.Reps;

/// <summary>
/// Port: delivers a notification to a rep (Teams in production). Called only from the rep's
/// outbox, after the notification is persisted; a throw means "retry later", and
/// <see cref="RepNotReachableException"/> that the rep has no conversation with the bot yet.
/// </summary>
public interface INotifier
{
    /// <summary>Sends one notification to the rep's conversation (null when the bot has not met the rep yet).</summary>
    Task SendAsync(Notification notification, ConversationReference? conversation, CancellationToken cancellationToken);
}
