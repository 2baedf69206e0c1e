namespace SalesCoach.Bot.Addin;

/// <summary>What the pane needs to know before its first API call (<c>GET /addin/config.json</c>).</summary>
public sealed record AddinConfig(string ApiBase, AddinAuthConfig Auth);

/// <summary>
/// <c>mode</c> <c>development</c>: send <see cref="UserHeader"/> naming one of <see cref="Users"/> (loopback only);
/// <c>production</c>: a bearer token from nested app authentication with <see cref="ClientId"/>, <see cref="Authority"/> and <see cref="Scopes"/>.
/// </summary>
public sealed record AddinAuthConfig(
    string Mode,
    string? UserHeader = null,
    IReadOnlyList<DeveloperIdentity>? Users = null,
    string? ClientId = null,
    string? Authority = null,
    IReadOnlyList<string>? Scopes = null);

/// <summary>Someone the developer may act as in the embedded default: a rep of the roster or a configured administrator.</summary>
public sealed record DeveloperIdentity(string Id, string Name, string? Email, IReadOnlyList<string> Roles);
