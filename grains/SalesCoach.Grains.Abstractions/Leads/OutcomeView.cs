namespace SalesCoach.Leads;

/// <summary>How a closed lead ended: won with an amount, or lost with a reason.</summary>
[GenerateSerializer, Immutable]
public sealed record OutcomeView(
    [property: Id(0)] LeadStatus Status,
    [property: Id(1)] decimal? Amount,
    [property: Id(2)] string? Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string By);
