namespace SalesCoach.Api.Tests.Contract;

/// <summary>One stay in a stage; <see cref="Exit"/> is <c>goal</c>, <c>manual</c>, <c>won</c>, <c>lost</c> or absent while there.</summary>
public sealed record StageVisitDto(string StageId, DateTimeOffset EnteredAt, DateTimeOffset? ExitedAt, string? Exit);
