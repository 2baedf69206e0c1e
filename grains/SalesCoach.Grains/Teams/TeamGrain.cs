using SalesCoach.Common;

namespace SalesCoach.Teams;

/// <summary>A team's roster and manager.</summary>
public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Directory)] IPersistentState<TeamState> state) : Grain, ITeamGrain
{
    public async Task<TeamProfile> SaveAsync(TeamProfile team)
    {
        state.State.Team = team with { Id = this.GetPrimaryKeyString(), Members = [.. team.Members.Distinct()] };
        await state.WriteOrReloadAsync();
        return state.State.Team;
    }

    public Task<TeamProfile?> GetAsync() => Task.FromResult(state.State.Team);
}
