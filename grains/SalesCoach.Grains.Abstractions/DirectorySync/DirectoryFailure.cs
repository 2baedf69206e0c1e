namespace SalesCoach.DirectorySync;

/// <summary>Why the directory refused or failed a call (see <see cref="DirectoryException"/>).</summary>
[GenerateSerializer]
public enum DirectoryFailure
{
    /// <summary>The app lacks a permission (or an access policy shuts it out): fixed by an administrator, not by retrying.</summary>
    Forbidden,
    /// <summary>The user, message or app named does not exist.</summary>
    NotFound,
    /// <summary>The request itself was refused (e.g. a malformed id).</summary>
    Invalid,
    /// <summary>Throttled (429) or the service failed (5xx) even after the client's own retries: try again later.</summary>
    Unavailable,
}
