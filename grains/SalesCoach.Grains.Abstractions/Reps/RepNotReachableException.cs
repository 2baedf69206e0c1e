namespace SalesCoach.Reps;

/// <summary>
/// Thrown by an <see cref="INotifier"/> that has no way to reach the rep yet (they have not opened the bot in Teams
/// or the local chat). Expected until they do: the outbox keeps the notification and delivers it once their
/// conversation is stored.
/// </summary>
public sealed class RepNotReachableException(string repId)
    : Exception($"rep '{repId}' has not opened SalesCoach in Teams or the local chat yet; the notification waits in their outbox");
