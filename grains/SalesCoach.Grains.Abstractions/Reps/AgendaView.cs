namespace SalesCoach.Reps;

/// <summary>A rep's open tasks, earliest due first.</summary>
[GenerateSerializer, Immutable]
public sealed record AgendaView([property: Id(0)] string RepId, [property: Id(1)] IReadOnlyList<AgendaEntryView> Tasks);
