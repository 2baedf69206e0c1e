namespace SalesCoach.Teams;

/// <summary>A team as saved.</summary>
[GenerateSerializer]
public sealed class TeamState
{
    [Id(0)] public TeamProfile? Team { get; set; }
}
