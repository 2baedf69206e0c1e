using Microsoft.Extensions.Logging;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;
using SalesCoach.Tests.Shared;

namespace SalesCoach.Grains.Tests.Reps;

/// <summary>
/// The rep's agenda, its single reminder and its outbox. Business time is a FakeTimeProvider; the
/// reminder is fired by calling <see cref="IRemindable.ReceiveReminder"/> exactly as Orleans does.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RepGrainTests(ClusterFixture fixture)
{
    private static Task WakeAsync(IRepGrain rep) =>
        rep.AsReference<IRemindable>().ReceiveReminder(RepGrain.AgendaReminder, default);

    private async Task<(World World, PipelineDefinition Pipeline)> SetUpAsync()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"),
            Stage("work", TaskDone("last"), Task("first", "PT1H"), Task("second", "PT2H"), Task("last", "P3D")),
            Stage("done")));
        return (world, pipeline);
    }

    [Fact]
    public async Task ApplyAsync_ManyTasksOnManyLeads_KeepsOneReminderAtTheEarliestDueTime()
    {
        var (world, pipeline) = await SetUpAsync();
        var now = fixture.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await world.CreateLeadAsync(pipeline.Id);
        }

        Assert.Equal(15, (await world.Rep(world.Ana).GetAgendaAsync()).Tasks.Count);
        Assert.Equal(1, await fixture.ReminderRowsAsync($"rep/{world.Ana}"));
        Assert.Equal(now.AddHours(1), await world.Rep(world.Ana).GetNextWakeAsync());
    }

    [Fact]
    public async Task ReceiveReminder_TasksFallDue_PromptsEachExactlyOnce()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);
        var rep = world.Rep(world.Ana);

        fixture.Time.Advance(TimeSpan.FromMinutes(61));
        await WakeAsync(rep);
        await WakeAsync(rep);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await WakeAsync(rep);

        var prompts = fixture.Notifier.SentTo(world.Ana).Where(n => n.Kind == NotificationKind.TaskDue && n.LeadId == lead.Id).ToList();
        Assert.Equal(["first", "second"], prompts.Select(n => n.Tasks.Single().TaskId));
        Assert.True(await rep.GetNextWakeAsync() > fixture.Time.GetUtcNow(), "the reminder is re-armed for what comes next");
    }

    [Fact]
    public async Task ReceiveReminder_TaskCompletedBeforeItWasDue_IsNeverPrompted()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);
        await world.Lead(lead.Id).CompleteTaskAsync("first", null, world.AnaActor);

        fixture.Time.Advance(TimeSpan.FromMinutes(90));
        await WakeAsync(world.Rep(world.Ana));

        Assert.DoesNotContain(fixture.Notifier.SentTo(world.Ana), n => n.Kind == NotificationKind.TaskDue && n.LeadId == lead.Id && n.Tasks[0].TaskId == "first");
    }

    [Fact]
    public async Task ApplyAsync_AgendaEmptied_RemovesTheReminder()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);
        Assert.Equal(1, await fixture.ReminderRowsAsync($"rep/{world.Ana}"));

        await world.Lead(lead.Id).CompleteTaskAsync("last", null, world.AnaActor);

        Assert.Equal(0, await fixture.ReminderRowsAsync($"rep/{world.Ana}"));
        Assert.Null(await world.Rep(world.Ana).GetNextWakeAsync());
    }

    [Fact]
    public async Task ReceiveReminder_OverdueTasks_AreSummarisedOnceADay()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id);
        var rep = world.Rep(world.Ana);

        var now = fixture.Time.GetUtcNow();
        var nextMorning = new DateTimeOffset(now.AddHours(3).UtcDateTime.Date.AddDays(1).AddHours(9), TimeSpan.Zero);
        fixture.Time.Advance(nextMorning - now); // 09:00 the next day: after the 08:00 digest hour
        await WakeAsync(rep);
        await WakeAsync(rep);

        var digest = Assert.Single(fixture.Notifier.SentTo(world.Ana), n => n.Kind == NotificationKind.OverdueDigest);
        Assert.Equal(["first", "second"], digest.Tasks.Where(t => t.LeadId == lead.Id).Select(t => t.TaskId));
    }

    [Fact]
    public async Task ReceiveReminder_NotifierFails_KeepsThePromptAndSendsItOnALaterTry()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, owner: world.Bo);
        var rep = world.Rep(world.Bo);
        fixture.Time.Advance(TimeSpan.FromMinutes(61));

        fixture.Notifier.Failing = true;
        try
        {
            await WakeAsync(rep);
        }
        finally
        {
            fixture.Notifier.Failing = false;
        }

        Assert.DoesNotContain(fixture.Notifier.SentTo(world.Bo), n => n.Kind == NotificationKind.TaskDue && n.LeadId == lead.Id);
        fixture.Time.Advance(TimeSpan.FromSeconds(10)); // past the first retry delay
        await WakeAsync(rep);
        Assert.Single(fixture.Notifier.SentTo(world.Bo), n => n.Kind == NotificationKind.TaskDue && n.LeadId == lead.Id);
    }

    [Fact]
    public async Task ApplyAsync_WhileASendToTheRepIsHeldUp_AppliesWithoutWaitingAndTheSendFinishesOnce()
    {
        var world = await new World(fixture).WithTeamAsync();
        var rep = world.Rep(world.Ana);
        var guidance = new Notification { Id = $"guidance:{Ids.New("l")}/1", RepId = world.Ana, Kind = NotificationKind.StageGuidance, Title = "Acme is now in Work" };
        var item = new AgendaItem { LeadId = "lead-1", LeadName = "Acme", TaskId = "call", Title = "Call", StageId = "work", DueAt = fixture.Time.GetUtcNow().AddDays(1) };
        fixture.Notifier.Hold(world.Ana);
        try
        {
            var heldBefore = fixture.Notifier.Held;
            await rep.NotifyAsync(guidance);
            await Eventually.TrueAsync(() => fixture.Notifier.Held > heldBefore, "the send pass to reach the held notifier");

            // A lead command's update (a card click) must not queue behind that send.
            var apply = rep.ApplyAsync(new RepUpdate { Agenda = [new AgendaChange { LeadId = "lead-1", LeadName = "Acme", Upserts = [item], Owns = true }] });
            Assert.Same(apply, await System.Threading.Tasks.Task.WhenAny(apply, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(20))));
            await apply;
            Assert.Equal(["call"], (await rep.GetAgendaAsync()).Tasks.Select(t => t.TaskId));
            Assert.Empty(fixture.Notifier.SentTo(world.Ana));
        }
        finally
        {
            fixture.Notifier.Release(world.Ana);
        }

        await Eventually.TrueAsync(() => fixture.Notifier.SentTo(world.Ana).Count > 0, "the outbox to send");
        await rep.NotifyAsync(guidance);
        await System.Threading.Tasks.Task.Delay(200);
        Assert.Single(fixture.Notifier.SentTo(world.Ana));
    }

    [Fact]
    public async Task ReceiveReminder_PromptSendHeldUp_ReturnsAndTheRepTakesCallsWhileThePromptWaits()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, owner: world.Bo);
        var rep = world.Rep(world.Bo);
        fixture.Time.Advance(TimeSpan.FromMinutes(61));
        fixture.Notifier.Hold(world.Bo);
        try
        {
            var tick = WakeAsync(rep);
            Assert.Same(tick, await System.Threading.Tasks.Task.WhenAny(tick, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(20))));
            await tick;

            var agenda = rep.GetAgendaAsync();
            Assert.Same(agenda, await System.Threading.Tasks.Task.WhenAny(agenda, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(20))));
            Assert.Equal(3, (await agenda).Tasks.Count);
            Assert.DoesNotContain(fixture.Notifier.SentTo(world.Bo), n => n.Kind == NotificationKind.TaskDue);
        }
        finally
        {
            fixture.Notifier.Release(world.Bo);
        }

        await Eventually.TrueAsync(() => fixture.Notifier.SentTo(world.Bo).Any(n => n.Kind == NotificationKind.TaskDue), "the outbox to send");
        await WakeAsync(rep);
        Assert.Single(fixture.Notifier.SentTo(world.Bo), n => n.Kind == NotificationKind.TaskDue && n.LeadId == lead.Id);
    }


    [Fact]
    public async Task ReceiveReminder_RepUnreachableForWeeks_DropsTheStalePromptInsteadOfSendingIt()
    {
        var (world, pipeline) = await SetUpAsync();
        var lead = await world.CreateLeadAsync(pipeline.Id, owner: world.Bo);
        var rep = world.Rep(world.Bo);
        fixture.Time.Advance(TimeSpan.FromMinutes(61));

        fixture.Notifier.Failing = true;
        try
        {
            await WakeAsync(rep);
            fixture.Time.Advance(TimeSpan.FromDays(15)); // longer than RepOptions.SentRetention
            await WakeAsync(rep);
        }
        finally
        {
            fixture.Notifier.Failing = false;
        }

        await WakeAsync(rep);
        Assert.DoesNotContain(fixture.Notifier.SentTo(world.Bo), n => n.LeadId == lead.Id && n.Kind == NotificationKind.TaskDue);
    }

    [Fact]
    public async Task Notify_RepHasNotOpenedTheBot_OneInformationLineNoWarnings_ThenSentWhenTheirConversationArrives()
    {
        var world = await new World(fixture).WithTeamAsync();
        var rep = world.Rep(world.Ana);
        fixture.Notifier.RequireConversation(world.Ana);
        Notification Guidance(int n) => new() { Id = $"guidance:{Ids.New("l")}/{n}", RepId = world.Ana, Kind = NotificationKind.StageGuidance, Title = $"Acme is now in stage {n}" };
        var first = Guidance(1);
        var second = Guidance(2);

        var attempts = fixture.Notifier.Attempts;
        await rep.NotifyAsync(first);
        await Eventually.TrueAsync(() => Said(world.Ana).Count == 1, "the rep's outbox says it waits");
        await rep.NotifyAsync(second);
        await Eventually.TrueAsync(() => fixture.Notifier.Attempts >= attempts + 2, "both sends tried");

        // What an admin reads while a rep has not opened the bot: one line, not a warning with a stack per notification.
        var said = Assert.Single(Said(world.Ana));
        Assert.Equal(LogLevel.Information, said.Level);
        Assert.Null(said.Exception);
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Level >= LogLevel.Warning && (e.Message.Contains(first.Id) || e.Message.Contains(second.Id)));
        Assert.Empty(fixture.Notifier.SentTo(world.Ana));

        await rep.SaveConversationAsync(new ConversationReference { ChannelId = "msteams", ConversationId = "a:ana", UserId = "29:ana" });
        await Eventually.TrueAsync(() => fixture.Notifier.SentTo(world.Ana).Count == 2, "both sent once the rep opened the bot");
        Assert.Equal([first.Id, second.Id], fixture.Notifier.SentTo(world.Ana).Select(n => n.Id));
    }

    private List<(string Category, LogLevel Level, string Message, Exception? Exception)> Said(string repId) =>
        [.. fixture.Logs.Entries.Where(e => e.Message.StartsWith($"Rep {repId} has not opened SalesCoach", StringComparison.Ordinal))];
}
