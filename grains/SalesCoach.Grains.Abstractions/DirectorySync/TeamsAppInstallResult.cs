namespace SalesCoach.DirectorySync;

/// <summary>The result of one install attempt, with the provider's words and any wait it asked for.</summary>
[GenerateSerializer, Immutable]
public sealed record TeamsAppInstallResult(
    [property: Id(0)] TeamsAppInstallOutcome Outcome,
    [property: Id(1)] string? Detail = null,
    [property: Id(2)] TimeSpan? RetryAfter = null);
