namespace SalesCoach.Bot.Api.Requests;

/// <summary>The body of commands that carry only an operation id (complete a task).</summary>
public sealed record OperationRequest(string? OperationId = null);
