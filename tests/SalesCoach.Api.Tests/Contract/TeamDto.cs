namespace SalesCoach.Api.Tests.Contract;

/// <summary>A team as <c>PUT</c>/<c>GET /api/teams/{id}</c> return it.</summary>
public sealed record TeamDto(string Id, string Name, string ManagerId, IReadOnlyList<string> Members);
