using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Reps;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;
using SalesCoach.Tests.Shared;

namespace SalesCoach.Grains.Tests.Reps;

/// <summary>What a silo restart must not change: the agenda, the one reminder, and prompts already sent.</summary>
public sealed class RepGrainRestartTests : IAsyncLifetime
{
    private readonly ClusterFixture fixture = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    /// <summary>Due-task prompts only (stage guidance goes out too, on its own timer).</summary>
    private IEnumerable<Notification> Prompts(string rep) => fixture.Notifier.SentTo(rep).Where(n => n.Kind == NotificationKind.TaskDue);

    [Fact]
    public async Task ReceiveReminder_AfterARestart_NoPromptIsSentTwiceAndTheAgendaRemains()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"),
            Stage("work", TaskDone("later"), Task("soon", "PT1H"), Task("later", "P2D")), Stage("done")));
        var lead = await world.CreateLeadAsync(pipeline.Id);
        fixture.Time.Advance(TimeSpan.FromMinutes(61));
        await world.Rep(world.Ana).AsReference<IRemindable>().ReceiveReminder(RepGrain.AgendaReminder, default);
        Assert.Single(Prompts(world.Ana));

        await fixture.RestartAsync();
        var rep = fixture.Grains.GetGrain<IRepGrain>(world.Ana);
        await rep.AsReference<IRemindable>().ReceiveReminder(RepGrain.AgendaReminder, default);

        var sent = Assert.Single(Prompts(world.Ana));
        Assert.Equal(("soon", lead.Id), (sent.Tasks.Single().TaskId, sent.LeadId));
        Assert.Equal(["soon", "later"], (await rep.GetAgendaAsync()).Tasks.Select(t => t.TaskId));
        Assert.Equal(1, await fixture.ReminderRowsAsync($"rep/{world.Ana}"));
    }

    [Fact]
    public async Task ApplyAsync_AgendaAndNotificationInOneUpdate_BothApplyAndASentNotificationIsNotSentAgainAfterARestart()
    {
        var world = await new World(fixture).WithTeamAsync();
        var rep = world.Rep(world.Ana);
        var item = new AgendaItem { LeadId = "lead-1", LeadName = "Acme", TaskId = "call", Title = "Call", StageId = "work", DueAt = fixture.Time.GetUtcNow().AddDays(1) };
        var guidance = new Notification { Id = "guidance:lead-1/1", RepId = world.Ana, Kind = NotificationKind.StageGuidance, Title = "Acme is now in Work" };
        var update = new RepUpdate { Agenda = [new AgendaChange { LeadId = "lead-1", LeadName = "Acme", Upserts = [item], Owns = true }], Notifications = [guidance] };

        await rep.ApplyAsync(update);
        await rep.ApplyAsync(update); // a lead re-delivering after a crash
        await Eventually.TrueAsync(() => fixture.Notifier.SentTo(world.Ana).Any(n => n.Id == guidance.Id), "the outbox to send");

        // The "sent" mark is persisted right after the send, so a restart does not send it again.
        await fixture.RestartAsync();
        rep = fixture.Grains.GetGrain<IRepGrain>(world.Ana);
        await rep.ApplyAsync(update);
        await System.Threading.Tasks.Task.Delay(500);

        Assert.Single(fixture.Notifier.SentTo(world.Ana), n => n.Id == guidance.Id);
        Assert.Equal(["call"], (await rep.GetAgendaAsync()).Tasks.Select(t => t.TaskId));
    }

    [Fact]
    public async Task Activate_RowStoredBeforeTheSentLog_ItsSentIdsStillRefuseRepeatsAndItsUnsentOutboxGoesOnce()
    {
        var repId = Ids.New("cy");
        var now = fixture.Time.GetUtcNow();
        Notification Guidance(string id) => new() { Id = id, RepId = repId, Kind = NotificationKind.StageGuidance, Title = id, CreatedAt = now };

        // As a rep row looked before the sent log: "old/1" sent (and still in the stored outbox), "old/2" waiting.
        var legacy = new RepState
        {
            Profile = new RepProfile { Id = repId, Name = "Cy" },
            Sent = new() { ["guidance:old/1"] = now.AddDays(-1) },
            Outbox = [new OutboxEntry { Notification = Guidance("guidance:old/1"), NextAttemptAt = now }, new OutboxEntry { Notification = Guidance("guidance:old/2"), NextAttemptAt = now }],
        };
        await fixture.Storage(StorageNames.Reps).WriteStateAsync("rep", GrainId.Create("rep", repId), new GrainState<RepState> { State = legacy });

        var rep = fixture.Grains.GetGrain<IRepGrain>(repId);
        await rep.NotifyAsync(Guidance("guidance:old/1"));
        await Eventually.TrueAsync(() => fixture.Notifier.SentTo(repId).Any(n => n.Id == "guidance:old/2"), "the outbox to send");
        await fixture.RestartAsync();
        rep = fixture.Grains.GetGrain<IRepGrain>(repId);
        await rep.NotifyAsync(Guidance("guidance:old/1"));
        await rep.NotifyAsync(Guidance("guidance:old/2"));
        await System.Threading.Tasks.Task.Delay(500);

        Assert.Equal(["guidance:old/2"], fixture.Notifier.SentTo(repId).Select(n => n.Id));
        Assert.Equal("Cy", (await rep.GetProfileAsync())?.Name);
    }

}
