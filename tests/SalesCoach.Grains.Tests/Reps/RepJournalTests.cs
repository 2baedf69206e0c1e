using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Reps;
using SalesCoach.Tests.Shared;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Reps;

/// <summary>
/// A rep is stored as a snapshot plus a journal page per write: what a rep sees in Teams (agenda, the
/// leads they can look up, their streak and kudos) must survive restarts and failed writes unchanged,
/// and the pages must not pile up.
/// </summary>
public sealed class RepJournalTests : IAsyncLifetime
{
    private readonly ClusterFixture fixture = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Restart_AfterMoreWritesThanOneSnapshotCovers_AgendaLeadsAndCountersSurviveAndCoveredPagesAreDeleted()
    {
        var repId = Ids.New("cy");
        var rep = fixture.Grains.GetGrain<IRepGrain>(repId);
        var due = fixture.Time.GetUtcNow().AddDays(1);

        // One write per call, each adding a lead with two tasks; on the way a task is closed, a lead renamed
        // or a lead handed to someone else, and a kudos arrives now and then.
        // The first write makes the rep larger than what is written whole, so every write is a page.
        var writes = RepJournal.PagesPerSnapshot + 10;
        await rep.ApplyAsync(new RepUpdate { Agenda = [.. Enumerable.Range(0, RepJournal.WholeUpToEntries).Select(i => new AgendaChange { LeadId = $"big-{i}", LeadName = $"Big {i}", Owns = true, Upserts = [Item($"big-{i}", $"Big {i}", "call", due)] })] });
        for (var i = 1; i < writes; i++)
        {
            var lead = $"lead-{i}";
            var earlier = $"lead-{i / 2}";
            AgendaChange[] changes =
            [
                new() { LeadId = lead, LeadName = $"Lead {i}", Owns = true, Upserts = [Item(lead, $"Lead {i}", "call", due), Item(lead, $"Lead {i}", "mail", due.AddHours(i))] },
                .. (i % 3, i % 5, i % 7) switch
                {
                    (0, _, _) => [new AgendaChange { LeadId = earlier, ClosedTaskIds = ["call"] }],
                    (_, 0, _) => [new AgendaChange { LeadId = earlier, LeadName = $"Renamed {i}", Upserts = [Item(earlier, $"Renamed {i}", "mail", due.AddMinutes(i))] }],
                    (_, _, 0) => [new AgendaChange { LeadId = earlier, Owns = false, ClosedTaskIds = ["call", "mail"] }],
                    _ => Array.Empty<AgendaChange>(),
                },
            ];
            Notification[] kudos = i % 4 == 0 ? [new() { Id = $"kudos:{i}", RepId = repId, Kind = NotificationKind.Kudos, Title = "Nice" }] : [];
            await rep.ApplyAsync(new RepUpdate { Agenda = changes, Notifications = kudos });
        }

        var before = await ReadAsync(rep);
        Assert.NotEmpty(before.Agenda);
        Assert.Equal(Enumerable.Range(1, writes - 1).Count(i => i % 4 == 0), before.Kudos);

        await fixture.RestartAsync();
        rep = fixture.Grains.GetGrain<IRepGrain>(repId);

        Assert.Equal(before, await ReadAsync(rep));
        Assert.Equal(10, await fixture.JournalPagesAsync(RepJournal.SnapshotName, repId));
    }

    [Fact]
    public async Task LargeRep_SnapshotWaitsForMorePagesInProportionToItsSize_AndRestartsTheSame()
    {
        var repId = Ids.New("cy");
        var rep = fixture.Grains.GetGrain<IRepGrain>(repId);
        var due = fixture.Time.GetUtcNow().AddDays(1);
        const int leads = 400; // a name, an owned lead and a task each: 1,200 entries
        const int pagesBetweenSnapshots = leads * 3 / RepJournal.EntriesPerPage;
        Assert.True(pagesBetweenSnapshots > RepJournal.PagesPerSnapshot);
        await rep.ApplyAsync(new RepUpdate { Agenda = [.. Enumerable.Range(0, leads).Select(i => new AgendaChange { LeadId = $"big-{i}", LeadName = $"Big {i}", Owns = true, Upserts = [Item($"big-{i}", $"Big {i}", "call", due)] })] });

        // Renames keep the size: the first page and these make one snapshot's worth and five more.
        for (var i = 1; i < pagesBetweenSnapshots + 5; i++)
        {
            if (i == RepJournal.PagesPerSnapshot + 1)
            {
                // Past where a small rep would have taken its snapshot: every write so far is still a page.
                Assert.Equal(i, await fixture.JournalPagesAsync(RepJournal.SnapshotName, repId));
            }

            await rep.ApplyAsync(new RepUpdate { Agenda = [new AgendaChange { LeadId = $"big-{i}", LeadName = $"Renamed {i}" }] });
        }

        var before = await ReadAsync(rep);
        await fixture.RestartAsync();
        rep = fixture.Grains.GetGrain<IRepGrain>(repId);

        Assert.Equal(before, await ReadAsync(rep));
        Assert.Contains("big-7:Renamed 7", before.Leads);
        Assert.Equal(5, await fixture.JournalPagesAsync(RepJournal.SnapshotName, repId));
    }

    [Fact]
    public async Task LargeRep_TeamsCannotReachIt_ItsNotificationsWaitThroughPagesAndARestartAndEachGoesOnceInOrder()
    {
        var repId = Ids.New("cy");
        var rep = fixture.Grains.GetGrain<IRepGrain>(repId);
        var due = fixture.Time.GetUtcNow().AddDays(1);
        await rep.ApplyAsync(new RepUpdate { Agenda = [.. Enumerable.Range(0, 40).Select(i => new AgendaChange { LeadId = $"big-{i}", LeadName = $"Big {i}", Owns = true, Upserts = [Item($"big-{i}", $"Big {i}", "call", due)] })] });
        Notification Guidance(int i) => new() { Id = $"guidance:big-{i}/1", RepId = repId, Kind = NotificationKind.StageGuidance, Title = $"Big {i}" };

        // Every send fails (the app is not installed yet): each notification waits in the outbox, one page per write.
        fixture.Notifier.Failing = true;
        try
        {
            for (var i = 0; i < 6; i++)
            {
                await rep.NotifyAsync(Guidance(i));
                await rep.ApplyAsync(new RepUpdate { Agenda = [new AgendaChange { LeadId = $"big-{i}", LeadName = $"Renamed {i}" }] });
            }

            await Eventually.TrueAsync(() => fixture.Notifier.Attempts >= 6, "the first tries");
        }
        finally
        {
            fixture.Notifier.Failing = false;
        }

        Assert.Equal(13, await fixture.JournalPagesAsync(RepJournal.SnapshotName, repId));
        await fixture.RestartAsync();
        rep = fixture.Grains.GetGrain<IRepGrain>(repId);
        await rep.SaveConversationAsync(new ConversationReference { ChannelId = "msteams", ConversationId = "a:1", UserId = "29:cy" });
        await Eventually.TrueAsync(() => fixture.Notifier.SentTo(repId).Count == 6, "the waiting notifications");
        await System.Threading.Tasks.Task.Delay(300);

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"guidance:big-{i}/1"), fixture.Notifier.SentTo(repId).Select(n => n.Id));
        Assert.Contains("big-5:Renamed 5", (await ReadAsync(rep)).Leads);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task CompleteTask_RepWriteFails_TheLeadDeliversAgainAndTheStreakCountsEachTaskOnce(bool afterStoring, bool bigRep)
    {
        var world = await new World(fixture).WithTeamAsync();
        if (bigRep)
        {
            // Past the size written whole: the failing write is a journal page.
            var due = fixture.Time.GetUtcNow().AddDays(3);
            await world.Rep(world.Ana).ApplyAsync(new RepUpdate { Agenda = [.. Enumerable.Range(0, RepJournal.WholeUpToEntries).Select(i => new AgendaChange { LeadId = $"big-{i}", LeadName = $"Big {i}", Owns = true, Upserts = [Item($"big-{i}", $"Big {i}", "call", due)] })] });
        }

        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"),
            Stage("work", TaskDone("later"), Task("soon", "PT1H"), Task("later", "P2D")), Stage("done", TaskDone("wrap"), Task("wrap"))));
        var lead = await world.CreateLeadAsync(pipeline.Id);

        // A rep this small is written whole; a larger one writes pages: either write fails alike.
        fixture.StorageFaults.FailWrites(name => name == RepJournal.SnapshotName || name.StartsWith(RepJournal.SnapshotName + ".journal.", StringComparison.Ordinal), afterStoring);
        await world.Lead(lead.Id).CompleteTaskAsync("soon", null, world.AnaActor); // the rep's write fails: not acknowledged
        await world.Lead(lead.Id).CompleteTaskAsync("later", null, world.AnaActor); // re-sent first, then this one

        Assert.Equal(1, fixture.StorageFaults.Failed);
        var rep = world.Rep(world.Ana);
        Assert.Equal(["wrap"], await LeadTasksAsync(rep, lead.Id));
        Assert.Equal((2, 2), await StreakAsync(rep));

        await fixture.RestartAsync();
        rep = fixture.Grains.GetGrain<IRepGrain>(world.Ana);
        Assert.Equal(["wrap"], await LeadTasksAsync(rep, lead.Id));
        Assert.Equal((2, 2), await StreakAsync(rep));
    }

    [Fact]
    public async Task Restart_AfterMoreSendsThanOneSentLogSnapshotCovers_NoneIsSentAgain()
    {
        var repId = Ids.New("cy");
        var rep = fixture.Grains.GetGrain<IRepGrain>(repId);
        Notification Guidance(int i) => new() { Id = $"guidance:lead-{i}/1", RepId = repId, Kind = NotificationKind.StageGuidance, Title = $"Lead {i}" };

        // A log past the size written whole, in one send pass; then one send pass (and one sent-log page) per notification.
        var first = RepGrain.SentLogWholeUpTo + 1;
        await rep.ApplyAsync(new RepUpdate { Notifications = [.. Enumerable.Range(0, first).Select(Guidance)] });
        await Eventually.TrueAsync(() => fixture.Notifier.SentTo(repId).Count == first, "the first sends");
        var sends = first + RepGrain.SentLogPagesPerSnapshot + 10;
        for (var i = first; i < sends; i++)
        {
            await rep.NotifyAsync(Guidance(i));
            await Eventually.TrueAsync(() => fixture.Notifier.SentTo(repId).Count == i + 1, "the send");
        }

        await fixture.RestartAsync();
        rep = fixture.Grains.GetGrain<IRepGrain>(repId);
        for (var i = 0; i < sends; i++)
        {
            await rep.NotifyAsync(Guidance(i)); // a lead re-delivering after a crash
        }

        await System.Threading.Tasks.Task.Delay(300);
        Assert.Equal(sends, fixture.Notifier.SentTo(repId).Count);
        Assert.Equal(11, await fixture.JournalPagesAsync(RepGrain.SentLogName, repId));
    }

    [Fact]
    public async Task ApplyAsync_SmallRep_IsWrittenWholeWithNoPagesAndSurvivesARestart()
    {
        var repId = Ids.New("cy");
        var rep = fixture.Grains.GetGrain<IRepGrain>(repId);
        var due = fixture.Time.GetUtcNow().AddDays(1);
        for (var i = 0; i < 10; i++)
        {
            await rep.ApplyAsync(new RepUpdate { Agenda = [new AgendaChange { LeadId = $"lead-{i}", LeadName = $"Lead {i}", Owns = true, Upserts = [Item($"lead-{i}", $"Lead {i}", "call", due)] }] });
        }

        Assert.Equal(0, await fixture.JournalPagesAsync(RepJournal.SnapshotName, repId));
        var before = await ReadAsync(rep);
        await fixture.RestartAsync();
        Assert.Equal(before, await ReadAsync(fixture.Grains.GetGrain<IRepGrain>(repId)));
    }

    private static AgendaItem Item(string leadId, string leadName, string taskId, DateTimeOffset dueAt) =>
        new() { LeadId = leadId, LeadName = leadName, TaskId = taskId, Title = taskId, StageId = "work", DueAt = dueAt };

    private static async Task<IEnumerable<string>> LeadTasksAsync(IRepGrain rep, string leadId) =>
        (await rep.GetAgendaAsync()).Tasks.Where(t => t.LeadId == leadId).Select(t => t.TaskId);

    private static async Task<(int OnTime, int Best)> StreakAsync(IRepGrain rep) =>
        await rep.GetStatsAsync() is var stats ? (stats.OnTimeStreak, stats.BestOnTimeStreak) : default;

    /// <summary>What the rep sees: the agenda, the leads found by name, the load and the counters.</summary>
    private static async Task<(string Agenda, string Leads, int Load, int Kudos)> ReadAsync(IRepGrain rep)
    {
        var agenda = await rep.GetAgendaAsync();
        var leads = await rep.FindLeadsAsync("e");
        return (
            string.Join(",", agenda.Tasks.Select(t => $"{t.LeadId}/{t.TaskId}:{t.LeadName}@{t.DueAt:O}")),
            string.Join(",", leads.Select(l => $"{l.Id}:{l.Name}")),
            await rep.GetLoadAsync(),
            (await rep.GetStatsAsync()).Kudos);
    }
}
