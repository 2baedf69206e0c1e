namespace SalesCoach.Lists;

/// <summary>One operation with its attempts and the provider's last word.</summary>
[GenerateSerializer, Immutable]
public sealed record EmailListEntryView(
    [property: Id(0)] EmailListOperation Operation,
    [property: Id(1)] int Attempts,
    [property: Id(2)] string? LastError,
    [property: Id(3)] DateTimeOffset? NextAttemptAt);
