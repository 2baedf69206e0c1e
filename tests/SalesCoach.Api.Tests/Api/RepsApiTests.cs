using System.Net;
using SalesCoach.Api.Tests.Contract;
using SalesCoach.Api.Tests.Infrastructure;
using static SalesCoach.Api.Tests.Infrastructure.PipelineBuilder;

namespace SalesCoach.Api.Tests.Api;

/// <summary><c>/api/reps</c>: profiles and each rep's agenda (API.md "Reps and teams").</summary>
[Collection(HostCollection.Name)]
public sealed class RepsApiTests(SalesCoachHostFixture host)
{
    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    private DateTimeOffset Now => host.Clock.GetUtcNow();

    [Fact]
    public async Task Put_AsAdmin_Returns200WithTheProfile()
    {
        var id = UniqueId.New("rep");
        var body = new
        {
            name = "Dana Rep", email = "dana@contoso.example", teamId = "nordics", managerId = "maria", territory = "EMEA",
            products = new[] { "crm" }, tier = 2, quota = 150000, roles = new[] { "rep" },
        };

        var saved = await (await Admin.PutRepAsync(id, body)).ReadAsync<RepDto>();
        var stored = await (await Admin.GetAsync($"/api/reps/{id}")).ReadAsync<RepDto>();

        foreach (var rep in new[] { saved, stored })
        {
            Assert.Equal((id, "Dana Rep", "dana@contoso.example", "nordics", "maria", "EMEA", 2, 150000m),
                (rep.Id, rep.Name, rep.Email, rep.TeamId, rep.ManagerId, rep.Territory, rep.Tier, rep.Quota));
            Assert.Equal(["crm"], rep.Products);
            Assert.Equal(["rep"], rep.Roles);
        }
    }

    [Fact]
    public async Task Put_InvalidBody_Returns400ListingEveryProblemAndSavesNothing()
    {
        var id = UniqueId.New("rep");

        using var response = await Admin.PutRepAsync(id, new { name = " ", email = "not-an-email", tier = -1, quota = -5, roles = new[] { "rep", "boss" } });

        var paths = (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path).ToList();
        Assert.All(new[] { "name", "email", "tier", "quota", "roles[1]" }, path => Assert.Contains(path, paths));
        await (await Admin.GetAsync($"/api/reps/{id}")).ReadErrorsAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_AsRep_Returns403AndSavesNothing()
    {
        var id = UniqueId.New("rep");

        using var response = await host.As("ana").PutRepAsync(id, new { name = "New", email = "new@contoso.example", teamId = "nordics" });

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
        await (await Admin.GetAsync($"/api/reps/{id}")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_TeamManagerAddingARepToTheirTeam_Returns200()
    {
        var id = UniqueId.New("rep");

        var saved = await (await host.As("maria").PutRepAsync(id, new { name = "New", email = "new@contoso.example", teamId = "nordics", managerId = "maria" }))
            .ReadAsync<RepDto>();

        Assert.Equal(("nordics", "maria"), (saved.TeamId, saved.ManagerId));
    }

    [Fact]
    public async Task Put_TeamManagerGrantingAdmin_Returns403()
    {
        var id = UniqueId.New("rep");

        using var response = await host.As("maria").PutRepAsync(id, new { name = "New", email = "new@contoso.example", teamId = "nordics", roles = new[] { "admin" } });

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Put_NoCaller_Returns401()
    {
        using var response = await host.Anonymous().PutRepAsync(UniqueId.New("rep"), new { name = "New", email = "new@contoso.example" });

        await response.ReadErrorsAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Get_UnknownRep_Returns404()
    {
        using var response = await Admin.GetAsync($"/api/reps/{UniqueId.New("rep")}");

        await response.ReadErrorsAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_SampleRep_IsSeeded()
    {
        var ana = await (await Admin.GetAsync("/api/reps/ana")).ReadAsync<RepDto>();

        Assert.Equal(("nordics", "maria"), (ana.TeamId, ana.ManagerId));
    }

    [Fact]
    public async Task Agenda_OpenTasks_AreOrderedByDueAtWithOverdueFromTheClock()
    {
        var repId = await Admin.NewRepAsync();
        var pipeline = await SavedAsync(New()
            .Stage("qualify", TaskDone("late"), Task("late", "P1D"), Task("soon", "PT1H"), Task("mid", "PT4H"))
            .Stage("close", null));
        var start = Now;
        var first = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: repId));
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        var second = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: repId));
        var rep = host.As(repId);

        var before = await rep.AgendaAsync(repId);
        host.Clock.Advance(TimeSpan.FromMinutes(50)); // start + 1h20m: only the first lead's "soon" is past due
        var after = await rep.AgendaAsync(repId);

        Assert.Equal(repId, before.RepId);
        Assert.Equal(
            [
                new AgendaEntryDto(first.Id, first.Name, "soon", "Do soon", "qualify", start.AddHours(1), false),
                new AgendaEntryDto(second.Id, second.Name, "soon", "Do soon", "qualify", start.AddHours(1.5), false),
                new AgendaEntryDto(first.Id, first.Name, "mid", "Do mid", "qualify", start.AddHours(4), false),
                new AgendaEntryDto(second.Id, second.Name, "mid", "Do mid", "qualify", start.AddHours(4.5), false),
                new AgendaEntryDto(first.Id, first.Name, "late", "Do late", "qualify", start.AddDays(1), false),
                new AgendaEntryDto(second.Id, second.Name, "late", "Do late", "qualify", start.AddDays(1).AddMinutes(30), false),
            ],
            before.Tasks);
        Assert.Equal([true, false, false, false, false, false], after.Tasks.Select(t => t.Overdue));
    }

    [Fact]
    public async Task Agenda_CompletedAndSkippedTasks_LeaveTheAgenda()
    {
        var repId = await Admin.NewRepAsync();
        var pipeline = await SavedAsync(Sales());
        var lead = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: repId));
        var rep = host.As(repId);

        var initially = await rep.AgendaAsync(repId);
        await (await rep.CompleteTaskAsync(lead.Id, "call")).ShouldBeAsync(HttpStatusCode.OK);
        var afterGoal = await rep.AgendaAsync(repId);

        Assert.Equal(["research", "call"], initially.Tasks.Select(t => t.TaskId));
        Assert.Equal([("book", "meet")], afterGoal.Tasks.Select(t => (t.TaskId, t.StageId)));
    }

    [Fact]
    public async Task Agenda_ClosedLead_LeavesNoTasks()
    {
        var repId = await Admin.NewRepAsync();
        var pipeline = await SavedAsync(Sales());
        var lead = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: repId));
        var rep = host.As(repId);

        await (await rep.LostAsync(lead.Id, "no budget")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Empty((await rep.AgendaAsync(repId)).Tasks);
    }

    [Fact]
    public async Task Agenda_TaskForAnotherRep_IsOnTheirAgendaNotTheOwners()
    {
        var ownerId = await Admin.NewRepAsync();
        var helperId = await Admin.NewRepAsync();
        var pipeline = await SavedAsync(New()
            .Stage("qualify", TaskDone("own"), Task("own", "P1D"), Task("help", "PT2H", $"rep:{helperId}"))
            .Stage("close", null));

        var lead = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: ownerId));

        Assert.Equal(["own"], (await host.As(ownerId).AgendaAsync(ownerId)).Tasks.Select(t => t.TaskId));
        Assert.Equal([(lead.Id, "help")], (await host.As(helperId).AgendaAsync(helperId)).Tasks.Select(t => (t.LeadId, t.TaskId)));
    }

    [Fact]
    public async Task Agenda_TeamTask_IsOnEveryMembersAgendaUntilOneCompletesIt()
    {
        var pipeline = await SavedAsync(New()
            .Stage("qualify", TaskDone("own"), Task("own", "P1D"), Task("team-call", "PT2H", "team:nordics"))
            .Stage("close", null));
        var lead = await host.As("ana").NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: "ana"));

        var boBefore = (await host.As("bo").AgendaAsync("bo")).Of(lead.Id);
        var chenBefore = (await host.As("chen").AgendaAsync("chen")).Of(lead.Id);
        await (await host.As("bo").CompleteTaskAsync(lead.Id, "team-call")).ShouldBeAsync(HttpStatusCode.OK);
        var chenAfter = (await host.As("chen").AgendaAsync("chen")).Of(lead.Id);
        var anaAfter = (await host.As("ana").AgendaAsync("ana")).Of(lead.Id);

        Assert.Equal(["team-call"], boBefore.Select(t => t.TaskId));
        Assert.Equal(["team-call"], chenBefore.Select(t => t.TaskId));
        Assert.Empty(chenAfter);
        Assert.Equal(["own"], anaAfter.Select(t => t.TaskId));
    }

    [Fact]
    public async Task Agenda_StageReEnteredByHand_ListsTheStagesNewTasks()
    {
        var repId = await Admin.NewRepAsync();
        var pipeline = await SavedAsync(Sales());
        var lead = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: repId));
        var rep = host.As(repId);
        host.Clock.Advance(TimeSpan.FromHours(2));

        var reentered = await (await rep.AdvanceAsync(lead.Id, stageId: "qualify")).ReadAsync<LeadDto>();
        var agenda = await rep.AgendaAsync(repId);

        var open = reentered.Tasks.Where(t => t.Status == "open").OrderBy(t => t.DueAt).Select(t => (t.Id, t.DueAt)).ToList();
        Assert.Equal([("research", Now.AddHours(4)), ("call", Now.AddDays(1))], open);
        Assert.Equal(open, agenda.Tasks.Select(t => (t.TaskId, t.DueAt)));
    }

    [Fact]
    public async Task Agenda_LeadRenamed_ShowsTheNewName()
    {
        var repId = await Admin.NewRepAsync();
        var pipeline = await SavedAsync(Sales());
        var lead = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), ownerId: repId));
        var rep = host.As(repId);

        await (await rep.PatchLeadAsync(lead.Id, new { name = "Acme (renamed)" })).ShouldBeAsync(HttpStatusCode.OK);

        Assert.All((await rep.AgendaAsync(repId)).Tasks, t => Assert.Equal("Acme (renamed)", t.LeadName));
    }

    [Fact]
    public async Task Agenda_AnotherRep_Returns403()
    {
        using var response = await host.As("bo").GetAgendaAsync("ana");

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("maria")]
    [InlineData(SalesCoachHostFixture.Admin)]
    public async Task Agenda_RepsManagerOrAdmin_MaySeeIt(string caller)
    {
        var agenda = await host.As(caller).AgendaAsync("ana");

        Assert.Equal("ana", agenda.RepId);
    }

    private async Task<PipelineBuilder> SavedAsync(PipelineBuilder pipeline)
    {
        await Admin.SavePipelineAsync(pipeline);
        return pipeline;
    }
}
