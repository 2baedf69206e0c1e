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
}
