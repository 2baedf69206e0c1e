using Microsoft.Extensions.Options;
using SalesCoach.DirectorySync;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>
/// <see cref="ITeamsAppInstaller"/> on Graph: <c>POST /users/{rep}/teamwork/installedApps</c> with the app catalog's
/// <see cref="GraphOptions.TeamsAppId"/>. The rep id is the user's Entra object id in Teams (or a UPN), which Graph takes as is.
/// For an app already there, the existing chat comes from Graph and the Bot Connector from <see cref="TenantBotConnector"/>.
/// </summary>
public sealed class GraphTeamsAppInstaller(IDirectory directory, IOptions<GraphOptions> options, TenantBotConnector connector) : ITeamsAppInstaller
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

    public async Task<TeamsChatResult> FindChatAsync(string repId, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return new TeamsChatResult(TeamsChatOutcome.Skipped, Detail: "Graph:TeamsAppId is not set");
        }

        // First what costs no Graph call: without a serviceUrl a found chat could not be used.
        if (await connector.FindAsync(repId) is not { } tenant)
        {
            return new TeamsChatResult(TeamsChatOutcome.NoServiceUrl, Detail:
                "no Bot Connector serviceUrl is known: no rep of the tenant has a Teams conversation stored yet and Bot:ServiceUrl is not set");
        }

        try
        {
            return await directory.FindTeamsAppChatAsync(repId, options.Value.TeamsAppId!, cancellationToken) is { } chatId
                // The rep's Entra object id stands in for their 29: id; their first message to the bot stores the full reference.
                ? new TeamsChatResult(TeamsChatOutcome.Found, tenant with { ConversationId = chatId, UserId = repId })
                : new TeamsChatResult(TeamsChatOutcome.Rejected, Detail: $"Microsoft Graph lists no installation of Teams app '{options.Value.TeamsAppId}' for user '{repId}'");
        }
        catch (DirectoryException e)
        {
            return e.Failure == DirectoryFailure.Unavailable
                ? new TeamsChatResult(TeamsChatOutcome.Retry, Detail: e.Message, RetryAfter: e.RetryAfter)
                : new TeamsChatResult(TeamsChatOutcome.Rejected, Detail: e.Message);
        }
    }
}
