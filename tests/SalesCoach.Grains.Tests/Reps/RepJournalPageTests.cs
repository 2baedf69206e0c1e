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
