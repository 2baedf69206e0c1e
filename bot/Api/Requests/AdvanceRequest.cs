namespace SalesCoach.Bot.Api.Requests;

/// <summary>The body of <c>POST /api/leads/{id}/advance</c>.</summary>
public sealed record AdvanceRequest(string? StageId = null, string? OperationId = null);
