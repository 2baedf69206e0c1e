namespace SalesCoach.DirectorySync;

/// <summary>A user as the directory knows them.</summary>
[GenerateSerializer, Immutable]
public sealed record DirectoryUser(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? ManagerId);
