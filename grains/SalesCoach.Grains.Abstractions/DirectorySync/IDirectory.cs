namespace SalesCoach.DirectorySync;

/// <summary>Port: the company directory and mailboxes (Microsoft Graph in production, app-only).</summary>
public interface IDirectory
{
    /// <summary>Whether the port is configured; when not, every call answers empty.</summary>
    bool IsConfigured { get; }

    /// <summary>Every enabled user with their manager's id.</summary>
    Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken);

    /// <summary>The ids of a group's user members (a team).</summary>
    Task<IReadOnlyList<string>> ListGroupMembersAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>
    /// The server's copy of a message in a user's mailbox; null when there is no such message there.
    /// Throws <see cref="DirectoryException"/> when refused (permission), throttled or failing.
    /// </summary>
    Task<DirectoryMessage?> GetMessageAsync(string userId, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Installs the Teams app for a user, so the bot can reach them proactively; false when it was already
    /// installed. Throws <see cref="DirectoryException"/> when refused (permission, unknown user or app), throttled or failing.
    /// </summary>
    Task<bool> InstallTeamsAppAsync(string userId, string teamsAppId, CancellationToken cancellationToken);

    /// <summary>
    /// The id of the 1:1 chat between a user and the Teams app installed in their personal scope (which is the
    /// Bot Framework conversation id); null when the app is not installed for the user. Throws
    /// <see cref="DirectoryException"/> when refused (permission, no chat), throttled or failing.
    /// </summary>
    Task<string?> FindTeamsAppChatAsync(string userId, string teamsAppId, CancellationToken cancellationToken);
}
