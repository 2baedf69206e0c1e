namespace SalesCoach.Api.Tests.Contract;

/// <summary>One open task on a rep's agenda.</summary>
public sealed record AgendaEntryDto(string LeadId, string LeadName, string TaskId, string Title, string StageId, DateTimeOffset DueAt, bool Overdue);
