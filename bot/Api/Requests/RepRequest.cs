namespace SalesCoach.Bot.Api.Requests;

/// <summary>The body of <c>PUT /api/reps/{id}</c>.</summary>
public sealed record RepRequest
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? TeamId { get; init; }
    public string? ManagerId { get; init; }
    public string? Territory { get; init; }
    public List<string>? Products { get; init; }
    public int? Tier { get; init; }
    public decimal? Quota { get; init; }
    public List<string>? Roles { get; init; }
    public bool? Away { get; init; }
}
