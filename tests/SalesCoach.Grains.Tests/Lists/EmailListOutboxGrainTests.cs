using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using SalesCoach.Lists;
using SalesCoach.Pipelines;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Lists;

/// <summary>A stage's <c>lists</c> through the lead's email-list outbox: once per contact per list, retried, failures kept.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EmailListOutboxGrainTests(ClusterFixture fixture)
{
    private static StageDefinition WithLists(StageDefinition stage, string[] subscribe, string[]? unsubscribe = null) =>
        stage with { Lists = new ListHooks { Subscribe = [.. subscribe], Unsubscribe = [.. unsubscribe ?? []] } };

    private async Task<(World World, PipelineDefinition Pipeline)> SetUpAsync()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"),
            WithLists(Stage("qualify", FieldSet("value")), ["prospects"]),
            WithLists(Stage("meet", Manual()), ["nurture", "newsletter"], ["prospects"]),
            Stage("close", Manual())));
        return (world, pipeline);
    }

    private static async Task<EmailListOutboxView> SettledAsync(IEmailListOutboxGrain outbox)
    {
        await outbox.SendDueAsync(); // as the timer or the reminder would
        return await outbox.GetAsync();
    }

    [Fact]
    public async Task StageEntry_TwoContactsTwoLists_ExactlyOneUpsertPerContactPerList()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Company = "Acme Oy", Emails = ["cto@acme.example", "CEO@acme.example"] });
        await world.Lead(lead.Id).AdvanceAsync(null, "op-1", world.AnaActor);
        await world.Lead(lead.Id).AdvanceAsync(null, "op-1", world.AnaActor); // a repeat: no second entry

        var view = await SettledAsync(world.Grains.GetGrain<IEmailListOutboxGrain>(lead.Id));
        await world.Lead(lead.Id).GetAsync(world.AnaActor); // activations and repeats send nothing again
        await world.Grains.GetGrain<IEmailListOutboxGrain>(lead.Id).SendDueAsync();

        var calls = fixture.EmailLists.CallsFor(lead.Id);
        var expected = new[]
        {
            ("prospects", "cto@acme.example", EmailListAction.Subscribe, "qualify"), ("prospects", "CEO@acme.example", EmailListAction.Subscribe, "qualify"),
            ("nurture", "cto@acme.example", EmailListAction.Subscribe, "meet"), ("nurture", "CEO@acme.example", EmailListAction.Subscribe, "meet"),
            ("newsletter", "cto@acme.example", EmailListAction.Subscribe, "meet"), ("newsletter", "CEO@acme.example", EmailListAction.Subscribe, "meet"),
            ("prospects", "cto@acme.example", EmailListAction.Unsubscribe, "meet"), ("prospects", "CEO@acme.example", EmailListAction.Unsubscribe, "meet"),
        };
        Assert.Equal(expected.Order(), calls.Select(c => (c.ListName, c.Email, c.Action, c.StageId)).Order());
        Assert.Equal(calls.Count, calls.Select(c => c.Id).Distinct().Count());
        Assert.All(calls, c => Assert.Equal(("Acme", "Acme Oy", c.StageId), (c.Name, c.Company, c.Tag)));
        Assert.Empty(view.Pending);
        Assert.Equal(8, view.Sent.Count);
    }

    [Fact]
    public async Task StageEntry_ProviderSaysRetry_RetriedAfterTheDelayThenSentOnce()
    {
        var (world, pipeline) = await SetUpAsync();
        var email = $"{Ids.New("x")}@acme.example";
        fixture.EmailLists.Script(email, EmailListResult.Retry("429 Too Many Requests", TimeSpan.FromSeconds(30)), EmailListResult.Retry("503"));
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Emails = [email] });
        var outbox = world.Grains.GetGrain<IEmailListOutboxGrain>(lead.Id);

        var first = await SettledAsync(outbox);
        await outbox.SendDueAsync(); // not due yet: Retry-After (30 s) is longer than the first delay (5 s)
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var second = await SettledAsync(outbox);
        fixture.Time.Advance(TimeSpan.FromSeconds(10)); // the second delay doubles to 10 s
        var third = await SettledAsync(outbox);

        var pending = Assert.Single(first.Pending);
        Assert.Equal((1, "429 Too Many Requests"), (pending.Attempts, pending.LastError));
        Assert.Equal(2, Assert.Single(second.Pending).Attempts);
        Assert.Empty(third.Pending);
        Assert.Single(third.Sent);
        Assert.Equal(3, fixture.EmailLists.CallsFor(lead.Id).Count);
    }

    [Fact]
    public async Task StageEntry_ProviderRejectsTheAddress_RecordedAsFailedAndNotRetried()
    {
        var (world, pipeline) = await SetUpAsync();
        var email = $"{Ids.New("bad")}@acme.example";
        fixture.EmailLists.Script(email, EmailListResult.Rejected("400 Invalid Resource: looks fake or invalid"));
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Emails = [email] });
        var outbox = world.Grains.GetGrain<IEmailListOutboxGrain>(lead.Id);

        await SettledAsync(outbox);
        fixture.Time.Advance(TimeSpan.FromHours(2));
        var view = await SettledAsync(outbox);
        await outbox.EnqueueAsync([view.Failed[0].Operation]); // the same operation again is refused

        var failed = Assert.Single(view.Failed);
        Assert.Equal("400 Invalid Resource: looks fake or invalid", failed.LastError);
        Assert.Empty(view.Pending);
        Assert.Single(fixture.EmailLists.CallsFor(lead.Id));
    }

    [Fact]
    public async Task Restart_OperationsWaiting_SentAfterRestartOnce()
    {
        var (world, pipeline) = await SetUpAsync();
        var email = $"{Ids.New("r")}@acme.example";
        fixture.EmailLists.Script(email, EmailListResult.Retry("503"));
        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Acme", Emails = [email] });
        await SettledAsync(world.Grains.GetGrain<IEmailListOutboxGrain>(lead.Id));

        await fixture.RestartAsync();
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var view = await SettledAsync(fixture.Grains.GetGrain<IEmailListOutboxGrain>(lead.Id));

        Assert.Empty(view.Pending);
        Assert.Equal(2, fixture.EmailLists.CallsFor(lead.Id).Count);
    }
}
