namespace SalesCoach.Bot.Teams;

/// <summary>The bot has no way to reach the rep yet (they have not opened it); the outbox keeps the notification and tries later.</summary>
public sealed class RepNotReachableException(string repId)
    : Exception($"rep '{repId}' has not opened SalesCoach in Teams or the local chat yet; the notification waits in their outbox");
