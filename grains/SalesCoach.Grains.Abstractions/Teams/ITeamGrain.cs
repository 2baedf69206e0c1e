namespace SalesCoach.Teams;

/// <summary>A team with its roster and manager; key = team id.</summary>
[Alias("SalesCoach.Teams.ITeamGrain")]
public interface ITeamGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the team.</summary>
    [Alias("Save")]
    Task<TeamProfile> SaveAsync(TeamProfile team);

    /// <summary>The team, or null when never saved.</summary>
    [Alias("Get")]
    Task<TeamProfile?> GetAsync();
}
