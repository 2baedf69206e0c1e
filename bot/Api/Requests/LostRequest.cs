namespace SalesCoach.Bot.Api.Requests;

/// <summary>The body of <c>POST /api/leads/{id}/lost</c>.</summary>
public sealed record LostRequest(string? Reason, string? OperationId = null);
