namespace SalesCoach.Bot.Hosting;

/// <summary>Who may call the API (section <c>Auth</c>).</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>
    /// <c>Development</c> (the embedded default): the header <c>X-SalesCoach-User</c> names the
    /// caller, accepted only from loopback. <c>Production</c>: an Entra ID bearer token; the caller is its <c>oid</c>.
    /// </summary>
    public string Mode { get; set; } = "Development";

    /// <summary>Rep ids that are administrators; empty means <c>["admin"]</c> (a list default would be appended to by configuration binding).</summary>
    public List<string> Admins { get; set; } = [];

    public IReadOnlyList<string> EffectiveAdmins => Admins.Count > 0 ? Admins : ["admin"];

    /// <summary>Production: the Entra tenant that issues tokens.</summary>
    public string? TenantId { get; set; }

    /// <summary>Production: the token audience (the API's app id or id URI).</summary>
    public string? Audience { get; set; }

    /// <summary>Production: the authority host, e.g. https://login.microsoftonline.com/.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    public bool IsDevelopment => string.Equals(Mode, "Development", StringComparison.OrdinalIgnoreCase);
}
