namespace SalesCoach.Reps;

/// <summary>
/// Everything one lead command tells one rep — agenda changes (in the order they were made) and
/// notifications — so the rep applies it in one call and persists it in one write.
/// Applying the same update twice changes nothing (changes are idempotent, notifications deduplicated by id).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RepUpdate
{
    [Id(0)] public IReadOnlyList<AgendaChange> Agenda { get; init; } = [];
    [Id(1)] public IReadOnlyList<Notification> Notifications { get; init; } = [];
}
