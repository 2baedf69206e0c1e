namespace SalesCoach.Api.Tests.Contract;

/// <summary>One task on a lead; <see cref="Status"/> is <c>open</c>, <c>done</c> or <c>skipped</c>.</summary>
public sealed record TaskDto(string Id, string StageId, string Title, string Status, DateTimeOffset DueAt, string AssigneeId, string? DoneBy);
