namespace SalesCoach.Reps;

/// <summary>
/// A message for one rep, kept in the rep's outbox until an <see cref="INotifier"/> accepts it.
/// <see cref="Id"/> is stable per event (e.g. lead/task/due time) so a repeat is recognised.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Notification
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string RepId { get; init; } = "";
    [Id(2)] public NotificationKind Kind { get; init; }
    [Id(3)] public string Title { get; init; } = "";
    [Id(4)] public string Text { get; init; } = "";
    [Id(5)] public string? LeadId { get; init; }
    /// <summary>The tasks the notification is about (one for a prompt, several for a digest).</summary>
    [Id(6)] public IReadOnlyList<AgendaItem> Tasks { get; init; } = [];
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
}
