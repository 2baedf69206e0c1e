namespace SalesCoach.Reps;

/// <summary>
/// Port: delivers a notification to a rep (Teams in production). Called only from the rep's
/// outbox, after the notification is persisted; a throw means "retry later".
/// </summary>
public interface INotifier
{
    /// <summary>Sends one notification.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
