using System.Net;
using SalesCoach.Api.Tests.Contract;
using SalesCoach.Api.Tests.Infrastructure;
using static SalesCoach.Api.Tests.Infrastructure.PipelineBuilder;

namespace SalesCoach.Api.Tests.Api;

/// <summary>
/// Who may do what to a lead (API.md "Who is calling"): the owner, the owner's manager, an admin,
/// and a rep or team member with a task on it. The sample team: maria manages ana, bo and chen.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class LeadsAuthorizationTests(SalesCoachHostFixture host)
{
    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    private HttpClient Ana => host.As("ana");

    [Fact]
    public async Task Get_NoCaller_Returns401()
    {
        var lead = await NewLeadOfAnaAsync(Sales());

        using var response = await host.Anonymous().GetLeadAsync(lead.Id);

        await response.ReadErrorsAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_NoCaller_Returns401AndCreatesNothing()
    {
        var pipeline = Sales();
        await Admin.SavePipelineAsync(pipeline);
        var id = UniqueId.New("lead");

        using var response = await host.Anonymous().CreateLeadAsync(pipeline.Lead(id));

        await response.ReadErrorsAsync(HttpStatusCode.Unauthorized);
        await (await Admin.GetLeadAsync(id)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Request_EmptyCallerHeader_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/pipelines");
        request.Headers.Add("X-SalesCoach-User", " ");

        using var response = await host.Anonymous().SendAsync(request);

        await response.ReadErrorsAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("get")]
    [InlineData("complete")]
    [InlineData("advance")]
    [InlineData("won")]
    [InlineData("lost")]
    [InlineData("activity")]
    [InlineData("patch")]
    public async Task Command_RepWhoIsNotOwnerAssigneeOrManager_Returns403AndChangesNothing(string command)
    {
        var lead = await NewLeadOfAnaAsync(Sales());

        using var response = await SendAsync(host.As("bo"), command, lead.Id);

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
        var after = await Ana.LeadAsync(lead.Id);
        Assert.Equal(("qualify", "open", lead.Name, 0), (after.Stage.Id, after.Status, after.Name, after.Activities.Count));
        Assert.All(after.Tasks, t => Assert.Equal("open", t.Status));
    }

    [Theory]
    [InlineData("maria")]
    [InlineData(SalesCoachHostFixture.Admin)]
    public async Task Commands_OwnersManagerOrAdmin_MayActOnTheLead(string caller)
    {
        var lead = await NewLeadOfAnaAsync(Sales());
        var client = host.As(caller);

        await (await client.GetLeadAsync(lead.Id)).ShouldBeAsync(HttpStatusCode.OK);
        var completed = await (await client.CompleteTaskAsync(lead.Id, "call")).ReadAsync<LeadDto>();
        var logged = await (await client.LogActivityAsync(lead.Id, new { type = "meeting" })).ReadAsync<LeadDto>();
        var advanced = await (await client.AdvanceAsync(lead.Id)).ReadAsync<LeadDto>();
        var won = await (await client.WonAsync(lead.Id, 1000)).ReadAsync<LeadDto>();

        Assert.Equal((caller, "meet"), (completed.Task("call").DoneBy, completed.Stage.Id));
        Assert.Equal("propose", logged.Stage.Id);
        Assert.Equal("close", advanced.Stage.Id);
        Assert.Equal(("won", caller), (won.Status, won.Outcome?.By));
    }

    [Fact]
    public async Task CompleteTask_TeamTaskByAMemberOfTheTeam_Succeeds()
    {
        var lead = await NewLeadOfAnaAsync(New()
            .Stage("qualify", TaskDone("team-call"), Task("team-call", "P1D", "team:nordics"), Task("own", "P1D"))
            .Stage("close", null));

        var bo = host.As("bo");
        var seen = await (await bo.GetLeadAsync(lead.Id)).ReadAsync<LeadDto>();
        var completed = await (await bo.CompleteTaskAsync(lead.Id, "team-call")).ReadAsync<LeadDto>();

        Assert.Equal("team:nordics", seen.Task("team-call").AssigneeId);
        Assert.Equal(("done", "bo", "close"), (completed.Task("team-call").Status, completed.Task("team-call").DoneBy, completed.Stage.Id));
    }

    [Fact]
    public async Task CompleteTask_TeamTaskByARepOutsideTheTeam_Returns403()
    {
        var outsider = await Admin.NewRepAsync();
        var lead = await NewLeadOfAnaAsync(New()
            .Stage("qualify", TaskDone("team-call"), Task("team-call", "P1D", "team:nordics"))
            .Stage("close", null));

        using var response = await host.As(outsider).CompleteTaskAsync(lead.Id, "team-call");

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
        Assert.Equal("open", (await Ana.LeadAsync(lead.Id)).Task("team-call").Status);
    }

    [Fact]
    public async Task CompleteTask_RepTaskByItsAssignee_SucceedsButTheAssigneeMayNotRunTheLead()
    {
        var lead = await NewLeadOfAnaAsync(New()
            .Stage("qualify", TaskDone("demo"), Task("demo", "P1D", "rep:chen"))
            .Stage("meet", Activity("meeting"))
            .Stage("close", null));
        var chen = host.As("chen");

        var completed = await (await chen.CompleteTaskAsync(lead.Id, "demo")).ReadAsync<LeadDto>();
        using var advance = await chen.AdvanceAsync(lead.Id);
        using var won = await chen.WonAsync(lead.Id, 10);

        Assert.Equal(("chen", "done", "meet"), (completed.Task("demo").AssigneeId, completed.Task("demo").Status, completed.Stage.Id));
        await advance.ReadErrorsAsync(HttpStatusCode.Forbidden);
        await won.ReadErrorsAsync(HttpStatusCode.Forbidden);
        Assert.Equal(("meet", "open"), ((await Ana.LeadAsync(lead.Id)).Stage.Id, (await Ana.LeadAsync(lead.Id)).Status));
    }

    [Fact]
    public async Task Create_RepGivingTheLeadToAnotherRep_Returns403()
    {
        var pipeline = Sales();
        await Admin.SavePipelineAsync(pipeline);
        var id = UniqueId.New("lead");

        using var response = await Ana.CreateLeadAsync(pipeline.Lead(id, ownerId: "bo"));

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
        await (await Admin.GetLeadAsync(id)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_ManagerGivingTheLeadToTheirRep_Returns201()
    {
        var pipeline = Sales();
        await Admin.SavePipelineAsync(pipeline);

        var lead = await host.As("maria").NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: "bo"));

        Assert.Equal("bo", lead.OwnerId);
        Assert.Equal("bo", lead.Task("call").AssigneeId);
    }

    [Fact]
    public async Task FindByEmail_LeadsTheCallerMayNotSee_AreLeftOut()
    {
        var domain = UniqueId.New("acme");
        var lead = await NewLeadOfAnaAsync(Sales(), emails: [$"cto@{domain}.example"]);

        var byBo = await (await host.As("bo").FindLeadsAsync($"cto@{domain}.example")).ReadAsync<List<LeadDto>>();
        var byMaria = await (await host.As("maria").FindLeadsAsync($"cto@{domain}.example")).ReadAsync<List<LeadDto>>();

        Assert.Empty(byBo);
        Assert.Equal([lead.Id], byMaria.Select(l => l.Id));
    }

    [Fact]
    public async Task LogActivity_RepeatedExternalIdByARepWhoMayNotSeeTheLead_Returns403()
    {
        var lead = await NewLeadOfAnaAsync(Sales());
        var activity = new { type = "email", direction = "in", subject = "Confidential pricing", externalId = "<msg-1@acme.example>" };
        await (await Ana.LogActivityAsync(lead.Id, activity)).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await host.As("bo").LogActivityAsync(lead.Id, activity);

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Advance_RepeatedOperationIdByARepWhoMayNotSeeTheLead_Returns403()
    {
        var lead = await NewLeadOfAnaAsync(Sales());
        await (await Ana.AdvanceAsync(lead.Id, operationId: "op-1")).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await host.As("bo").AdvanceAsync(lead.Id, operationId: "op-1");

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CompleteTask_RepeatedOperationIdByARepWhoMayNotSeeTheLead_Returns403()
    {
        var lead = await NewLeadOfAnaAsync(Sales());
        await (await Ana.CompleteTaskAsync(lead.Id, "research", "op-1")).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await host.As("bo").CompleteTaskAsync(lead.Id, "research", "op-1");

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
    }

    private async Task<LeadDto> NewLeadOfAnaAsync(PipelineBuilder pipeline, string[]? emails = null)
    {
        await Admin.SavePipelineAsync(pipeline);
        return await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: "ana", emails: emails));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string command, string leadId) => command switch
    {
        "get" => client.GetLeadAsync(leadId),
        "complete" => client.CompleteTaskAsync(leadId, "call"),
        "advance" => client.AdvanceAsync(leadId),
        "won" => client.WonAsync(leadId, 1000),
        "lost" => client.LostAsync(leadId, "not interested"),
        "activity" => client.LogActivityAsync(leadId, new { type = "meeting" }),
        "patch" => client.PatchLeadAsync(leadId, new { name = "Renamed by someone else" }),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "unknown command"),
    };
}
