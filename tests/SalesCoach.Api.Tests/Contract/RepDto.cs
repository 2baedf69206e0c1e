namespace SalesCoach.Api.Tests.Contract;

/// <summary>A rep profile as <c>PUT</c>/<c>GET /api/reps/{id}</c> return it.</summary>
public sealed record RepDto(
    string Id, string Name, string Email, string? TeamId, string? ManagerId, string? Territory,
    IReadOnlyList<string> Products, int? Tier, decimal? Quota, IReadOnlyList<string> Roles);
