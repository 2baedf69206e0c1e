using System.Net;
using SalesCoach.Api.Tests.Contract;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Api;

/// <summary><c>/api/teams</c>: a team's manager and members (API.md "Reps and teams").</summary>
[Collection(HostCollection.Name)]
public sealed class TeamsApiTests(SalesCoachHostFixture host)
{
    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    [Fact]
    public async Task Put_AsAdmin_Returns200AndGetReturnsTheTeam()
    {
        var id = UniqueId.New("team");

        var saved = await (await Admin.PutTeamAsync(id, new { name = "Baltics", managerId = "maria", members = new[] { "ana", "bo", "ana" } }))
            .ReadAsync<TeamDto>();
        var stored = await (await host.As("bo").GetAsync($"/api/teams/{id}")).ReadAsync<TeamDto>();

        foreach (var team in new[] { saved, stored })
        {
            Assert.Equal((id, "Baltics", "maria"), (team.Id, team.Name, team.ManagerId));
            Assert.Equal(["ana", "bo"], team.Members);
        }
    }

    [Fact]
    public async Task Put_InvalidBody_Returns400ListingEveryProblemAndSavesNothing()
    {
        var id = UniqueId.New("team");

        using var response = await Admin.PutTeamAsync(id, new { name = "", managerId = "not an id!", members = new[] { "ana", "not ok!" }, quota = -1 });

        var paths = (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path).ToList();
        Assert.All(new[] { "name", "managerId", "members[1]", "quota" }, path => Assert.Contains(path, paths));
        await (await Admin.GetAsync($"/api/teams/{id}")).ReadErrorsAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_NewTeamAsRep_Returns403()
    {
        var id = UniqueId.New("team");

        using var response = await host.As("ana").PutTeamAsync(id, new { name = "Mine", managerId = "ana", members = new[] { "bo" } });

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
        await (await Admin.GetAsync($"/api/teams/{id}")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_ByTheTeamsCurrentManager_Returns200()
    {
        var managerId = await Admin.NewRepAsync();
        var id = UniqueId.New("team");
        await (await Admin.PutTeamAsync(id, new { name = "Team", managerId, members = new[] { "ana" } })).ShouldBeAsync(HttpStatusCode.OK);

        var saved = await (await host.As(managerId).PutTeamAsync(id, new { name = "Team", managerId, members = new[] { "ana", "chen" } }))
            .ReadAsync<TeamDto>();

        Assert.Equal(["ana", "chen"], saved.Members);
    }

    [Fact]
    public async Task Put_ByTheManagerOfAnotherTeam_Returns403AndKeepsTheTeam()
    {
        var managerId = await Admin.NewRepAsync();
        var id = UniqueId.New("team");
        await (await Admin.PutTeamAsync(id, new { name = "Team", managerId, members = new[] { "ana" } })).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await host.As("maria").PutTeamAsync(id, new { name = "Taken over", managerId = "maria", members = new[] { "ana" } });

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
        Assert.Equal(managerId, (await (await Admin.GetAsync($"/api/teams/{id}")).ReadAsync<TeamDto>()).ManagerId);
    }

    [Fact]
    public async Task Put_NewTeamWithMembers_ItsManagerMayActOnItsRepsLeads()
    {
        var managerId = await Admin.NewRepAsync();
        var teamId = UniqueId.New("team");
        await (await Admin.PutTeamAsync(teamId, new { name = "Team", managerId, members = Array.Empty<string>() })).ShouldBeAsync(HttpStatusCode.OK);
        var repId = await Admin.NewRepAsync(teamId: teamId);
        var pipeline = PipelineBuilder.Sales();
        await Admin.SavePipelineAsync(pipeline);
        var lead = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: repId));

        var completed = await (await host.As(managerId).CompleteTaskAsync(lead.Id, "call")).ReadAsync<LeadDto>();

        Assert.Equal(managerId, completed.Task("call").DoneBy);
    }

    [Fact]
    public async Task Get_SampleTeam_IsSeeded()
    {
        var team = await (await Admin.GetAsync("/api/teams/nordics")).ReadAsync<TeamDto>();

        Assert.Equal("maria", team.ManagerId);
        Assert.Equal(["ana", "bo", "chen"], team.Members);
    }

    [Fact]
    public async Task Get_UnknownTeam_Returns404()
    {
        using var response = await Admin.GetAsync($"/api/teams/{UniqueId.New("team")}");

        await response.ReadErrorsAsync(HttpStatusCode.NotFound);
    }
}
