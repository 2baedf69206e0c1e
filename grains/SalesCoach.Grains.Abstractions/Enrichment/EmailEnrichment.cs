namespace SalesCoach.Enrichment;

/// <summary>
/// What an email address says about a company: its domain (lower-cased), whether that is a
/// free-mail provider (then <see cref="CompanyGuess"/> is null: gmail is nobody's employer).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EmailEnrichment(
    [property: Id(0)] string? Domain,
    [property: Id(1)] bool IsFreeMail,
    [property: Id(2)] string? CompanyGuess);
