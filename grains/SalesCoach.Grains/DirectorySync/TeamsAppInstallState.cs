namespace SalesCoach.DirectorySync;

/// <summary>What a rep's <see cref="TeamsAppInstallGrain"/> persists.</summary>
[GenerateSerializer]
public sealed class TeamsAppInstallState
{
    [Id(0)] public string Status { get; set; } = "none";
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public string? LastError { get; set; }
    [Id(3)] public DateTimeOffset? RequestedAt { get; set; }
    [Id(4)] public DateTimeOffset? NextAttemptAt { get; set; }
    [Id(5)] public DateTimeOffset? DoneAt { get; set; }
    [Id(6)] public bool ReminderSet { get; set; }
    /// <summary>The existing chat's lookup after a 409 (see <see cref="TeamsAppInstallView.Chat"/>).</summary>
    [Id(7)] public string? Chat { get; set; }
    [Id(8)] public int ChatAttempts { get; set; }
}
