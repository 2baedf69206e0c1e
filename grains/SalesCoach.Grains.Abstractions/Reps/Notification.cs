namespace SalesCoach.Reps;

/// <summary>
/// A message for one rep, kept in the rep's outbox until an <see cref="INotifier"/> accepts it.
/// <see cref="Id"/> is stable per event (e.g. lead/task/due time) so a repeat is recognised. It
/// carries all a card needs, so sending never has to call back into a grain.
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
    [Id(8)] public string? LeadName { get; init; }
    /// <summary>For stage guidance: the stage entered, the manager's guidance and the goal that ends it.</summary>
    [Id(9)] public string? StageId { get; init; }
    [Id(10)] public string? StageName { get; init; }
    [Id(11)] public string? Guidance { get; init; }
    [Id(12)] public Pipelines.GoalDefinition? Goal { get; init; }
}
