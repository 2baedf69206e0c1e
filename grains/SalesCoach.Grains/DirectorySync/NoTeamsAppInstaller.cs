namespace SalesCoach.DirectorySync;

/// <summary>The default where no Graph is configured (the simulator, the test cluster): installs nothing.</summary>
public sealed class NoTeamsAppInstaller : ITeamsAppInstaller
{
    public bool IsConfigured => false;

    public Task<TeamsAppInstallResult> InstallAsync(string repId, CancellationToken cancellationToken) =>
        Task.FromResult(new TeamsAppInstallResult(TeamsAppInstallOutcome.Skipped, "no Teams app install configured"));

    public Task<TeamsChatResult> FindChatAsync(string repId, CancellationToken cancellationToken) =>
        Task.FromResult(new TeamsChatResult(TeamsChatOutcome.Skipped, Detail: "no Teams app install configured"));
}
