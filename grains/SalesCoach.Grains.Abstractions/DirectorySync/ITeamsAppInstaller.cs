namespace SalesCoach.DirectorySync;

/// <summary>
/// Port: installs SalesCoach's Teams app in a rep's personal scope, so a rep who never opened the bot
/// gets a chat it can write to (Microsoft Graph in production). Called only from the rep's
/// <see cref="ITeamsAppInstallGrain"/>, after the request is persisted; a throw counts as "retry later".
/// </summary>
public interface ITeamsAppInstaller
{
    /// <summary>Whether installing is switched on (Graph and the Teams app's catalog id configured).</summary>
    bool IsConfigured { get; }

    Task<TeamsAppInstallResult> InstallAsync(string repId, CancellationToken cancellationToken);

    /// <summary>
    /// For a rep who already had the app (so no install event will come): the 1:1 chat the app has with them,
    /// as a conversation reference the bot can send to. Called only from the rep's <see cref="ITeamsAppInstallGrain"/>;
    /// a throw counts as "retry later".
    /// </summary>
    Task<TeamsChatResult> FindChatAsync(string repId, CancellationToken cancellationToken);
}
