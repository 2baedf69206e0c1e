namespace SalesCoach.DirectorySync;

/// <summary>What looking up the rep's existing 1:1 chat with the app came to (after Graph said the app was already there).</summary>
[GenerateSerializer]
public enum TeamsChatOutcome
{
    /// <summary>The chat and the tenant's Bot Connector are known: the rep can be reached there.</summary>
    Found,
    /// <summary>No Bot Connector serviceUrl is known for the tenant yet: nothing to store; the rep is reached once they open the bot.</summary>
    NoServiceUrl,
    /// <summary>Throttled or failing: try again later.</summary>
    Retry,
    /// <summary>Refused for good (a missing permission, no installation or chat found): not retried.</summary>
    Rejected,
    /// <summary>Looking up chats is not configured; nothing was called.</summary>
    Skipped,
}
