namespace SalesCoach.Lists;

/// <summary>A lead's email-list operations: waiting (with attempts so far), failed for good, sent.</summary>
[GenerateSerializer, Immutable]
public sealed record EmailListOutboxView(
    [property: Id(0)] IReadOnlyList<EmailListEntryView> Pending,
    [property: Id(1)] IReadOnlyList<EmailListEntryView> Failed,
    [property: Id(2)] IReadOnlyList<string> Sent);
