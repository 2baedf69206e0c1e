namespace SalesCoach.Bot.Api.Requests;

/// <summary>The body of <c>PUT /api/teams/{id}</c>.</summary>
public sealed record TeamRequest
{
    public string? Name { get; init; }
    public string? ManagerId { get; init; }
    public List<string>? Members { get; init; }
    public decimal? Quota { get; init; }
}
