namespace SalesCoach.DirectorySync;

/// <summary>What one attempt to install the Teams app for a rep came to.</summary>
[GenerateSerializer]
public enum TeamsAppInstallOutcome
{
    Installed,
    /// <summary>Graph's 409: the app was there already.</summary>
    AlreadyInstalled,
    /// <summary>Throttled or failing: try again later.</summary>
    Retry,
    /// <summary>Refused for good (a missing permission, an unknown user or app): an administrator must act; not retried.</summary>
    Rejected,
    /// <summary>Installing is not configured; nothing was called.</summary>
    Skipped,
}
