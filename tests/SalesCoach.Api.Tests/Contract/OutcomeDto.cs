namespace SalesCoach.Api.Tests.Contract;

/// <summary>How a closed lead ended.</summary>
public sealed record OutcomeDto(string Status, decimal? Amount, string? Reason, DateTimeOffset At, string By);
