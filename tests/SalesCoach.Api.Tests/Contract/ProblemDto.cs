namespace SalesCoach.Api.Tests.Contract;

/// <summary>One entry of an error body <c>{"errors":[{"path","message"}]}</c>.</summary>
public sealed record ProblemDto(string Path, string Message);
