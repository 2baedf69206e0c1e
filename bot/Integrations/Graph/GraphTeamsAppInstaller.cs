using Microsoft.Extensions.Options;
using SalesCoach.DirectorySync;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>
/// <see cref="ITeamsAppInstaller"/> on Graph: <c>POST /users/{rep}/teamwork/installedApps</c> with the app catalog's
/// <see cref="GraphOptions.TeamsAppId"/>. The rep id is the user's Entra object id in Teams (or a UPN), which Graph takes as is.
/// </summary>
public sealed class GraphTeamsAppInstaller(IDirectory directory, IOptions<GraphOptions> options) : ITeamsAppInstaller
{
    public bool IsConfigured => directory.IsConfigured && !string.IsNullOrWhiteSpace(options.Value.TeamsAppId);

    public async Task<TeamsAppInstallResult> InstallAsync(string repId, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return new TeamsAppInstallResult(TeamsAppInstallOutcome.Skipped, "Graph:TeamsAppId is not set");
        }

        try
        {
            return await directory.InstallTeamsAppAsync(repId, options.Value.TeamsAppId!, cancellationToken)
                ? new TeamsAppInstallResult(TeamsAppInstallOutcome.Installed)
                : new TeamsAppInstallResult(TeamsAppInstallOutcome.AlreadyInstalled);
        }
        catch (DirectoryException e)
        {
            return e.Failure == DirectoryFailure.Unavailable
                ? new TeamsAppInstallResult(TeamsAppInstallOutcome.Retry, e.Message, e.RetryAfter)
                : new TeamsAppInstallResult(TeamsAppInstallOutcome.Rejected, e.Message);
        }
    }
}
