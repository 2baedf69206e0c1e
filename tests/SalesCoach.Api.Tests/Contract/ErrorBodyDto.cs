namespace SalesCoach.Api.Tests.Contract;

/// <summary>The body of every error response.</summary>
public sealed record ErrorBodyDto(IReadOnlyList<ProblemDto> Errors);
