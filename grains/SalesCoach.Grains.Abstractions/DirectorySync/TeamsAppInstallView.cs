namespace SalesCoach.DirectorySync;

/// <summary>Where the Teams app install for a rep stands (<see cref="ITeamsAppInstallGrain"/>); <c>none</c> until it was asked for.</summary>
[GenerateSerializer, Immutable]
public sealed record TeamsAppInstallView
{
    /// <summary><c>none</c>, <c>pending</c>, <c>installed</c>, <c>alreadyInstalled</c> or <c>failed</c>.</summary>
    [Id(0)] public string Status { get; init; } = "none";
    [Id(1)] public int Attempts { get; init; }
    [Id(2)] public string? LastError { get; init; }
    [Id(3)] public DateTimeOffset? RequestedAt { get; init; }
    [Id(4)] public DateTimeOffset? NextAttemptAt { get; init; }
    [Id(5)] public DateTimeOffset? DoneAt { get; init; }

    /// <summary>
    /// After <c>alreadyInstalled</c> (no install event will come), the lookup of the rep's existing chat with the app:
    /// null (not looked up), <c>pending</c>, <c>stored</c> (the rep's conversation was stored), <c>noServiceUrl</c>
    /// (no Bot Connector known for the tenant yet) or <c>failed</c> (see <see cref="LastError"/>).
    /// </summary>
    [Id(6)] public string? Chat { get; init; }
}
