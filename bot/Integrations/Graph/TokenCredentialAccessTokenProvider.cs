using Azure.Core;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>App-only tokens (<c>https://graph.microsoft.com/.default</c>) from an Azure.Identity credential, sent only to the Graph host in use.</summary>
public sealed class TokenCredentialAccessTokenProvider(TokenCredential credential, Uri baseUrl) : IAccessTokenProvider
{
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    public AllowedHostsValidator AllowedHostsValidator { get; } = new([baseUrl.Host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return "";
        }

        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
        return token.Token;
    }
}
