using System.Net;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Authentication;
using SalesCoach.DirectorySync;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>
/// <see cref="IDirectory"/> on Microsoft Graph v1.0 through the Graph SDK (its retry handler honours
/// 429/503 Retry-After), with app-only credentials. Without configuration every call answers empty.
/// </summary>
public sealed class GraphDirectory(GraphServiceClient? client) : IDirectory
{
    public static readonly Uri DefaultBaseUrl = new("https://graph.microsoft.com/v1.0");

    public bool IsConfigured => client is not null;

    /// <summary>A Graph client with the SDK's default middleware, its base URL and tokens from <paramref name="credential"/>.</summary>
    public static GraphServiceClient CreateClient(GraphOptions options, TokenCredential credential)
    {
        var baseUrl = options.BaseUrl ?? DefaultBaseUrl;
        var auth = new BaseBearerTokenAuthenticationProvider(new TokenCredentialAccessTokenProvider(credential, baseUrl));
        return new GraphServiceClient(GraphClientFactory.Create(), auth, baseUrl.ToString().TrimEnd('/'));
    }

    /// <summary>App-only: a certificate when one is given, else the client secret.</summary>
    public static TokenCredential Credential(GraphOptions options) =>
        !string.IsNullOrWhiteSpace(options.CertificatePath)
            ? new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath)
            : new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);

    public async Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return [];
        }

        var users = new List<DirectoryUser>();
        var page = await client.Users.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName"];
            r.QueryParameters.Expand = ["manager($select=id)"];
            r.QueryParameters.Filter = "accountEnabled eq true";
        }, cancellationToken);
        while (page is not null)
        {
            users.AddRange((page.Value ?? []).Where(u => u.Id is not null).Select(u =>
                new DirectoryUser(u.Id!, u.DisplayName ?? u.Id!, u.Mail ?? u.UserPrincipalName, u.Manager?.Id)));
            page = page.OdataNextLink is { } next ? await client.Users.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
        }

        return users;
    }

    public async Task<IReadOnlyList<string>> ListGroupMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return [];
        }

        var ids = new List<string>();
        var page = await client.Groups[groupId].Members.GraphUser.GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken);
        while (page is not null)
        {
            ids.AddRange((page.Value ?? []).Select(u => u.Id).OfType<string>());
            page = page.OdataNextLink is { } next ? await client.Groups[groupId].Members.GraphUser.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
        }

        return ids;
    }

    public async Task<DirectoryMessage?> GetMessageAsync(string userId, string messageId, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return null;
        }

        try
        {
            var message = await client.Users[userId].Messages[messageId].GetAsync(r => r.QueryParameters.Select =
                ["subject", "from", "toRecipients", "sentDateTime", "internetMessageId", "bodyPreview"], cancellationToken);
            return message is null
                ? null
                : new DirectoryMessage(
                    message.Id ?? messageId,
                    message.Subject,
                    message.From?.EmailAddress?.Address,
                    [.. (message.ToRecipients ?? []).Select(r => r.EmailAddress?.Address).OfType<string>()],
                    message.SentDateTime,
                    message.InternetMessageId,
                    message.BodyPreview);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task InstallTeamsAppAsync(string userId, string teamsAppId, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return;
        }

        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{teamsAppId}",
            },
        };
        try
        {
            await client.Users[userId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.Conflict)
        {
            // Already installed: what was wanted is true.
        }
    }
}
