namespace SalesCoach.Bot.Api.Requests;

/// <summary>The body of <c>POST /api/kudos</c>; a repeat with the same operation id sends one card.</summary>
public sealed record KudosRequest(string? To, string? Message, string? OperationId = null);
