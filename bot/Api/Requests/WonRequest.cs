namespace SalesCoach.Bot.Api.Requests;

/// <summary>The body of <c>POST /api/leads/{id}/won</c>.</summary>
public sealed record WonRequest(decimal? Amount, string? OperationId = null);
