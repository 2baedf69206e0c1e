using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.Reps;

/// <summary>
/// A rep's journal page holds only what changed since the last write; a snapshot taken after a change
/// was applied in memory may already hold the page written next, so replaying a page twice must change
/// nothing more.
/// </summary>
public sealed class RepJournalPageTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_OneTaskClosedOneAddedAndALeadDropped_HoldsOnlyThoseAndTheHead()
    {
        var rep = Rep(("l1", "call"), ("l1", "mail"), ("l2", "call"));
        rep.Changes.Clear(); // as after a write
        rep.CloseTask("l1/mail");
        rep.PutTask(Item("l3", "call"));
        rep.PutTask(Item("l2", "call")); // the same task again: no change
        rep.SetOwned("l2", false);
        rep.Kudos = 4;

        var page = RepJournalPage.Of(rep);

        Assert.Equal(["l3/call"], page.Agenda.Set.Keys);
        Assert.Equal(["l1/mail"], page.Agenda.Removed);
        Assert.Equal(["l2"], page.OwnedLeads.Removed);
        Assert.Empty(page.OwnedLeads.Added);
        Assert.Empty(page.LeadNames.Set);
        Assert.Empty(page.Head.Agenda);
        Assert.Equal(4, page.Head.Kudos);
    }

    [Fact]
    public void Replay_APageTheStateAlreadyHas_GivesTheSameState()
    {
        var stored = Rep(("l1", "call"), ("l2", "call"));
        var current = Rep(("l1", "call"), ("l2", "call"));
        current.Changes.Clear();
        current.CloseTask("l1/call");
        current.SetOwned("l1", false);
        current.SetLeadName("l1", null);
        current.PutTask(Item("l2", "mail"));
        current.MarkPrompted("l2/call", Due);
        current.OnTimeStreak = 3;
        var page = RepJournalPage.Of(current);

        var once = RepJournalPage.Replay(stored, page);
        var twice = RepJournalPage.Replay(once, page);

        Assert.Equal(Describe(current), Describe(once));
        Assert.Equal(Describe(current), Describe(twice));
    }

    [Fact]
    public void Of_ManyNotificationsWaiting_HoldsOnlyTheOnesQueuedOrTakenOutSinceTheLastWrite()
    {
        var rep = Rep(("l1", "call"));
        for (var i = 0; i < 50; i++)
        {
            rep.Queue(Entry($"n{i}")); // a rep Teams cannot reach yet: its notifications wait
        }

        rep.Changes.Clear(); // as after a write
        rep.Queue(Entry("n50"));
        rep.Unqueue(rep.Outbox[0]);
        rep.Outbox[1].Attempts = 2;
        rep.Reschedule(rep.Outbox[1], rep.Outbox[1].NextAttemptAt);

        var page = RepJournalPage.Of(rep);

        Assert.Empty(page.Head.Outbox);
        Assert.Equal(["n2", "n50"], page.Outbox!.Set.Keys.Order());
        Assert.Equal(2, page.Outbox.Set["n2"].Attempts);
        Assert.Equal(["n0"], page.Outbox.Removed);
    }

    [Fact]
    public void Replay_OutboxChanges_KeepTheQueueInOrderAndAPageReplayedTwiceChangesNothingMore()
    {
        var stored = Rep(("l1", "call"));
        var current = Rep(("l1", "call"));
        foreach (var id in new[] { "a", "b", "c" })
        {
            stored.Queue(Entry(id));
            current.Queue(Entry(id));
        }

        current.Changes.Clear();
        current.Unqueue(current.Outbox[0]);
        current.Outbox[0].Attempts = 1;
        current.Reschedule(current.Outbox[0], current.Outbox[0].NextAttemptAt);
        current.Queue(Entry("d"));
        var page = RepJournalPage.Of(current);

        var once = RepJournalPage.Replay(stored, page);
        var twice = RepJournalPage.Replay(once, page);

        Assert.Equal(["b:1", "c:0", "d:0"], once.Outbox.Select(e => $"{e.Notification.Id}:{e.Attempts}"));
        Assert.Equal(["b:1", "c:0", "d:0"], twice.Outbox.Select(e => $"{e.Notification.Id}:{e.Attempts}"));
    }

    [Fact]
    public void Replay_PageWrittenBeforeTheOutboxWasJournalledByEntry_TakesTheOutboxWholeFromItsHead()
    {
        var stored = Rep(("l1", "call"));
        stored.Queue(Entry("old"));
        var head = new RepState { Outbox = [Entry("a"), Entry("b")], Kudos = 2 };
        var legacy = new RepJournalPage { Head = head }; // no Outbox delta, as such pages are read

        var state = RepJournalPage.Replay(stored, legacy);

        Assert.Equal(["a", "b"], state.Outbox.Select(e => e.Notification.Id));
        Assert.Equal(2, state.Kudos);
        Assert.Equal(["l1/call"], state.Agenda.Keys);
    }

    private static OutboxEntry Entry(string id) =>
        new() { Notification = new Notification { Id = id, RepId = "ana", Kind = NotificationKind.StageGuidance, Title = id }, NextAttemptAt = Due };

    private static AgendaItem Item(string lead, string task) =>
        new() { LeadId = lead, LeadName = $"Name {lead}", TaskId = task, Title = task, StageId = "work", DueAt = Due };

    private static RepState Rep(params (string Lead, string Task)[] tasks)
    {
        var state = new RepState();
        foreach (var (lead, task) in tasks)
        {
            state.PutTask(Item(lead, task));
            state.SetOwned(lead, true);
            state.SetLeadName(lead, $"Name {lead}");
        }

        return state;
    }

    private static string Describe(RepState state) => string.Join(" | ",
        string.Join(",", state.Agenda.Keys.Order()),
        string.Join(",", state.OwnedLeads.Order()),
        string.Join(",", state.LeadNames.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")),
        string.Join(",", state.Prompted.Keys.Order()),
        state.OnTimeStreak);
}
