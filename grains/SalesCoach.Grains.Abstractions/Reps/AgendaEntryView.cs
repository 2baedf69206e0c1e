namespace SalesCoach.Reps;

/// <summary>An agenda line as <c>GET /api/reps/{id}/agenda</c> shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record AgendaEntryView(
    [property: Id(0)] string LeadId,
    [property: Id(1)] string LeadName,
    [property: Id(2)] string TaskId,
    [property: Id(3)] string Title,
    [property: Id(4)] string StageId,
    [property: Id(5)] DateTimeOffset DueAt,
    [property: Id(6)] bool Overdue);
