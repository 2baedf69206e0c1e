using System.Net;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
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
        catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (ApiException e)
        {
            throw Classify(e, $"reading message '{messageId}' of user '{userId}'", MailPermission);
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or InvalidOperationException)
        {
            throw Unreachable(e, $"reading message '{messageId}' of user '{userId}'");
        }
    }

    public async Task<bool> InstallTeamsAppAsync(string userId, string teamsAppId, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return false;
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
            return true;
        }
        catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.Conflict)
        {
            return false; // already installed: what was wanted is true
        }
        catch (ApiException e)
        {
            throw Classify(e, $"installing Teams app '{teamsAppId}' for user '{userId}'", InstallPermission);
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or InvalidOperationException)
        {
            throw Unreachable(e, $"installing Teams app '{teamsAppId}' for user '{userId}'");
        }
    }

    public async Task<string?> FindTeamsAppChatAsync(string userId, string teamsAppId, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return null;
        }

        var doing = $"looking up the chat of Teams app '{teamsAppId}' with user '{userId}'";
        try
        {
            // The installation's id is not the app's id: find it by the app, then ask for its chat (Microsoft's proactive-install flow).
            var installed = await client.Users[userId].Teamwork.InstalledApps.GetAsync(r =>
            {
                r.QueryParameters.Expand = ["teamsApp"];
                r.QueryParameters.Filter = $"teamsApp/id eq '{teamsAppId.Replace("'", "''", StringComparison.Ordinal)}'";
            }, cancellationToken);
            if (installed?.Value?.FirstOrDefault(i => i.Id is not null) is not { } installation)
            {
                return null;
            }

            var chat = await client.Users[userId].Teamwork.InstalledApps[installation.Id].Chat.GetAsync(cancellationToken: cancellationToken);
            return chat?.Id;
        }
        catch (ApiException e)
        {
            throw Classify(e, doing, InstallPermission);
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or InvalidOperationException)
        {
            throw Unreachable(e, doing);
        }
    }

    /// <summary>The application permission message fetch needs (bodyPreview is outside Mail.ReadBasic).</summary>
    public const string MailPermission = "Mail.Read";

    /// <summary>The application permission app install needs (or TeamsAppInstallation.ReadWriteSelfForUser.All when Graph's app is the Teams app's own).</summary>
    public const string InstallPermission = "TeamsAppInstallation.ReadWriteForUser.All";

    /// <summary>
    /// Graph's answer as a <see cref="DirectoryException"/>: what callers need is whether to retry, tell an
    /// administrator (a permission), or tell the user (not found / bad id). The SDK's retry handler has
    /// already retried 429/503/504 with Retry-After by the time an error gets here.
    /// </summary>
    private static DirectoryException Classify(ApiException e, string doing, string permission)
    {
        var code = (e as ODataError)?.Error?.Code;
        var detail = (e as ODataError)?.Error?.Message ?? e.Message;
        return e.ResponseStatusCode switch
        {
            401 or 403 => new DirectoryException(DirectoryFailure.Forbidden,
                $"Microsoft Graph refused {doing} ({e.ResponseStatusCode} {code}): grant the app the {permission} application permission with admin consent"
                + (permission == MailPermission ? " and make sure an Exchange application access policy, if any, includes this mailbox" : "")
                + $". Graph said: {detail}", inner: e),
            404 => new DirectoryException(DirectoryFailure.NotFound, $"Microsoft Graph found nothing {doing} ({code}): {detail}", inner: e),
            429 or >= 500 => new DirectoryException(DirectoryFailure.Unavailable,
                $"Microsoft Graph is unavailable {doing} ({e.ResponseStatusCode} {code}): {detail}", RetryAfterOf(e), e),
            _ => new DirectoryException(DirectoryFailure.Invalid, $"Microsoft Graph refused {doing} ({e.ResponseStatusCode} {code}): {detail}", inner: e),
        };
    }

    /// <summary>No answer to classify: Graph unreachable, or still 429/503/504 after the SDK's retry handler gave up ("too many retries").</summary>
    private static DirectoryException Unreachable(Exception e, string doing) =>
        new(DirectoryFailure.Unavailable, $"Microsoft Graph did not answer {doing}: {e.Message}", inner: e);

    private static TimeSpan? RetryAfterOf(ApiException e)
    {
        var value = e.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at - DateTimeOffset.UtcNow
                : null;
    }
}
