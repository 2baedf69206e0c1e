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
    /// The lookup of the rep's existing chat with the app, after <c>alreadyInstalled</c> (no install event will come) or
    /// an <c>installed</c> whose install event did not arrive in time: null (not looked up), <c>pending</c>,
    /// <c>notNeeded</c> (the rep had a conversation by then), <c>stored</c> (the chat was stored as the rep's
    /// conversation), <c>noServiceUrl</c> (no Bot Connector known for the tenant yet) or <c>failed</c> (see <see cref="LastError"/>).
    /// </summary>
    [Id(6)] public string? Chat { get; init; }
}
