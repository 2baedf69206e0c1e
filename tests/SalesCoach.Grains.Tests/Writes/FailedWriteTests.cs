using SalesCoach.Common;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using SalesCoach.Lists;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Writes;

/// <summary>
/// Grains stored as one row, after a write that failed: whoever retries (an admin, or a lead re-delivering its
/// effects) must end up with the change stored, also across a restart, and nobody may read what was never stored.
/// </summary>
public sealed class FailedWriteTests : IAsyncLifetime
{
    private readonly ClusterFixture fixture = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    private IGrainFactory Grains => fixture.Grains;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SaveProfile_RosterWriteFails_TheRetryAndTheNextRepAreStoredAndSurviveARestart(bool afterStoring)
    {
        var ana = Ids.New("ana");
        var bo = Ids.New("bo");
        var anaProfile = new RepProfile { Id = ana, Name = "Ana", Email = "ana@contoso.example" };

        fixture.StorageFaults.FailWrites(name => name == "roster", afterStoring);
        await FailsAsync(() => Grains.GetGrain<IRepGrain>(ana).SaveProfileAsync(anaProfile));
        Assert.Equal(1, fixture.StorageFaults.Failed);

        // The admin retries: stored at once, not only with the roster's next write.
        await Grains.GetGrain<IRepGrain>(ana).SaveProfileAsync(anaProfile);
        var stored = new GrainState<RepRosterState>();
        await fixture.Storage(StorageNames.Directory).ReadStateAsync("roster", GrainId.Create("reproster", IRepRosterGrain.DefaultKey), stored);
        Assert.Equal(anaProfile, stored.State!.Reps[ana]);

        // The next rep (after a lost acknowledgement the roster must not write on a stale ETag).
        await Grains.GetGrain<IRepGrain>(bo).SaveProfileAsync(new RepProfile { Id = bo, Name = "Bo", Email = "bo@contoso.example" });

        await fixture.RestartAsync();
        var names = (await Grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).NamesAsync()).ByRep;
        Assert.Equal("Ana", names[ana]);
        Assert.Equal("Bo", names[bo]);
    }

    [Fact]
    public async Task SaveProfile_ARenameTheRosterFailsToStore_CardsKeepShowingTheStoredName()
    {
        var ana = Ids.New("ana");
        var rep = Grains.GetGrain<IRepGrain>(ana);
        var roster = Grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey);
        await rep.SaveProfileAsync(new RepProfile { Id = ana, Name = "Ana", Email = "ana@contoso.example" });
        Assert.Equal("Ana", (await roster.NamesAsync()).ByRep[ana]); // cached

        fixture.StorageFaults.FailWrites(name => name == "roster", afterStoring: false);
        await FailsAsync(() => rep.SaveProfileAsync(new RepProfile { Id = ana, Name = "Ana Lima", Email = "ana@contoso.example" }));

        Assert.Equal("Ana", (await roster.NamesAsync()).ByRep[ana]);
        Assert.Contains(await roster.ListAsync(), p => p.Id == ana && p.Name == "Ana");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SavePipeline_RegistryWriteFails_TheRetryRegistersItWithoutANewVersion(bool afterStoring)
    {
        var pipeline = Sales(Ids.New("p"));
        var pipelines = Grains.GetGrain<IPipelineGrain>(pipeline.Id);

        fixture.StorageFaults.FailWrites(name => name == "registry", afterStoring);
        await FailsAsync(() => pipelines.SaveAsync(pipeline, Actor.System));

        var retried = await pipelines.SaveAsync(pipeline, Actor.System);
        Assert.True(retried.Succeeded);
        Assert.Equal(1, retried.Value!.Version);
        var stored = new GrainState<PipelineRegistryState>();
        await fixture.Storage(StorageNames.Pipelines).ReadStateAsync("registry", GrainId.Create("pipelineregistry", IPipelineRegistryGrain.DefaultKey), stored);
        Assert.Contains(stored.State!.Pipelines, p => p.Id == pipeline.Id);

        // The next pipeline (after a lost acknowledgement the registry must not write on a stale ETag).
        var next = Sales(Ids.New("p"));
        Assert.True((await Grains.GetGrain<IPipelineGrain>(next.Id).SaveAsync(next, Actor.System)).Succeeded);

        await fixture.RestartAsync();
        var listed = await Grains.GetGrain<IPipelineRegistryGrain>(IPipelineRegistryGrain.DefaultKey).ListAsync();
        Assert.Contains(listed, p => p.Id == pipeline.Id && p.Version == 1);
        Assert.Contains(listed, p => p.Id == next.Id);
    }

    [Fact]
    public async Task SaveTeam_WriteFails_ReadersKeepSeeingTheStoredTeam()
    {
        var teamId = Ids.New("team");
        var team = Grains.GetGrain<ITeamGrain>(teamId);
        await team.SaveAsync(new TeamProfile { Id = teamId, Name = "North", ManagerId = "mgr", Members = ["ana"] });

        fixture.StorageFaults.FailWrites(name => name == "team", afterStoring: false);
        await FailsAsync(() => team.SaveAsync(new TeamProfile { Id = teamId, Name = "South", ManagerId = "mgr", Members = ["ana", "bo"] }));

        var read = await team.GetAsync();
        Assert.Equal("North", read!.Name);
        Assert.Equal(["ana"], read.Members);
    }

    [Fact]
    public async Task CreateLead_EmailIndexWriteFails_TheNextCommandStoresItAndTheAddInFindsTheLeadAfterARestart()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Sales(Ids.New("p")));
        var email = $"{Ids.New("cto")}@acme.example";

        fixture.StorageFaults.FailWrites(name => name == "emailIndex", afterStoring: false);
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Emails = [email] }); // the index delivery stays pending
        Assert.Equal(1, fixture.StorageFaults.Failed);
        await world.Lead(lead.Id).AdvanceAsync(null, "op-1", world.AnaActor); // re-delivers it

        await fixture.RestartAsync();
        Assert.Equal([lead.Id], await Grains.GetGrain<ILeadEmailIndexGrain>(email).ListAsync());
    }

    [Fact]
    public async Task CreateLead_ListOutboxWriteFails_TheSubscriptionIsStoredWithTheNextCommandAndSentOnce()
    {
        var world = await new World(fixture).WithTeamAsync();
        var id = Ids.New("p");
        var pipeline = await world.SavePipelineAsync(Pipeline(id,
            Stage("qualify", FieldSet("value")) with { Lists = new ListHooks { Subscribe = ["prospects"] } },
            Stage("close", Manual())));
        var email = $"{Ids.New("cto")}@acme.example";

        fixture.StorageFaults.FailWrites(name => name == "lists", afterStoring: false);
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Emails = [email] });
        Assert.Equal(1, fixture.StorageFaults.Failed);
        await world.Lead(lead.Id).UpdateFactsAsync(new LeadFactsPatch { Company = "Acme Oy" }, world.AnaActor); // re-delivers it

        await fixture.RestartAsync();
        var outbox = Grains.GetGrain<IEmailListOutboxGrain>(lead.Id);
        await outbox.SendDueAsync(); // as the reminder would
        var call = Assert.Single(fixture.EmailLists.CallsFor(lead.Id));
        Assert.Equal(("prospects", email, EmailListAction.Subscribe), (call.ListName, call.Email, call.Action));
        Assert.Empty((await outbox.GetAsync()).Pending);
    }

    /// <summary>The call fails with the injected storage failure, as Orleans reports a storage provider's error.</summary>
    private static async Task FailsAsync(Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<OrleansException>(call);
        Assert.IsType<IOException>(failure.InnerException);
    }
}
