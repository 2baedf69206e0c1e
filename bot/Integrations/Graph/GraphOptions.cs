namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>Microsoft Graph, app-only (section <c>Graph</c>); without a tenant and client id the directory does nothing.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A client secret, or use <see cref="CertificatePath"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A PFX/PEM file with the app's certificate (preferred over a secret).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Overrides <c>https://graph.microsoft.com/v1.0</c> (tests point it at a loopback stub).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>SalesCoach team id → Entra group id whose user members make up the team (<c>Graph:TeamGroups:emea = 0f1e…</c>).</summary>
    public Dictionary<string, string> TeamGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often the directory is synced when configured (also on demand: <c>POST /api/directory/sync</c>).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// The Teams app's id in the tenant's app catalog (<c>GET /appCatalogs/teamsApps?$filter=externalId eq '{manifest id}'</c>),
    /// for installing it for reps the bot cannot reach yet. Not set → no installs.
    /// </summary>
    public string? TeamsAppId { get; set; }

    /// <summary>Also install the Teams app, during directory sync, for members of <see cref="TeamGroups"/> the bot cannot reach yet.</summary>
    public bool InstallAppOnSync { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId)
        && (!string.IsNullOrWhiteSpace(ClientSecret) || !string.IsNullOrWhiteSpace(CertificatePath));
}
