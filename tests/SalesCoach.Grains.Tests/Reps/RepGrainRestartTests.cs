using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Reps;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

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
}
