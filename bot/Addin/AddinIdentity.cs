using SalesCoach.Bot.Hosting;

namespace SalesCoach.Bot.Addin;

/// <summary>
/// Which Entra app the pane signs in with and what it asks for, derived once from <c>Auth</c> and
/// <c>Addin</c>: the app id URI (<c>Auth:Audience</c>, e.g. <c>api://salescoach.contoso.com/&lt;client id&gt;</c>),
/// the client id, the scope and the authority. The API accepts tokens for the URI and for the client id.
/// </summary>
public sealed record AddinIdentity(string? ClientId, string? AppIdUri, IReadOnlyList<string> Scopes, string? Authority)
{
    /// <summary>The delegated scope the app registration exposes (Entra "Expose an API").</summary>
    public const string ScopeName = "access_as_user";

    public static AddinIdentity From(AuthSettings auth, AddinSettings addin)
    {
        var audience = string.IsNullOrWhiteSpace(auth.Audience) ? null : auth.Audience.Trim().TrimEnd('/');
        var audienceIsGuid = Guid.TryParse(audience, out _);
        var appIdUri = audience is null ? null : audienceIsGuid ? $"api://{audience}" : audience;
        var clientId = !string.IsNullOrWhiteSpace(addin.ClientId)
            ? addin.ClientId.Trim()
            : audienceIsGuid ? audience : LastSegmentGuid(audience);
        IReadOnlyList<string> scopes = addin.Scopes.Count > 0
            ? addin.Scopes
            : appIdUri is null ? [] : [$"{appIdUri}/{ScopeName}"];
        var authority = string.IsNullOrWhiteSpace(auth.TenantId) ? null : $"{auth.Instance.TrimEnd('/')}/{auth.TenantId}";
        return new AddinIdentity(clientId, appIdUri, scopes, authority);
    }

    /// <summary>Every audience a token for the SalesCoach API may carry: the id URI (v1 tokens) and the client id (v2 tokens).</summary>
    public IReadOnlyList<string> Audiences =>
        [.. new[] { AppIdUri, ClientId }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string? LastSegmentGuid(string? uri)
    {
        var last = uri?.Split('/').LastOrDefault();
        return Guid.TryParse(last, out _) ? last : null;
    }
}
