namespace SalesCoach.Api.Tests.Contract;

/// <summary>The stage a lead is in.</summary>
public sealed record StageDto(string Id, string Name, string? Guidance, DateTimeOffset EnteredAt);
