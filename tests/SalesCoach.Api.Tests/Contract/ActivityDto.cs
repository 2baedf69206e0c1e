namespace SalesCoach.Api.Tests.Contract;

/// <summary>A logged activity.</summary>
public sealed record ActivityDto(
    string Id, string Type, string? Direction, string? Subject, DateTimeOffset At, string? ExternalId, IReadOnlyList<string> Tags, string StageId);
