using SalesCoach.Analytics;
using SalesCoach.Lists;
using SalesCoach.Reps;

namespace SalesCoach.Leads;

/// <summary>
/// Something a command must tell another grain, persisted with the command and carried out after
/// it, so a crash in between loses nothing (the receivers apply a repeat without a second effect).
/// Exactly one of <see cref="Agenda"/> or <see cref="Notify"/> (for rep <see cref="Target"/>) or
/// <see cref="IndexAdd"/> (for email address <see cref="Target"/>) or <see cref="Analytics"/> (for
/// pipeline <see cref="Target"/>'s funnel, delivered in order) or <see cref="Lists"/> (for the
/// lead's own email-list outbox, <see cref="Target"/> = lead id) or <see cref="DomainIndexAdd"/> (for company
/// domain <see cref="Target"/>) is set.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PendingEffect(
    [property: Id(0)] long Seq,
    [property: Id(1)] string Target,
    [property: Id(2)] AgendaChange? Agenda,
    [property: Id(3)] bool? IndexAdd,
    [property: Id(4)] Notification? Notify = null,
    [property: Id(5)] LeadEventBatch? Analytics = null,
    [property: Id(6)] IReadOnlyList<EmailListOperation>? Lists = null,
    [property: Id(7)] bool? DomainIndexAdd = null);
