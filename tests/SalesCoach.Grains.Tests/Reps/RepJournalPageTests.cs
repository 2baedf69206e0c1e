using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.Reps;

/// <summary>
/// A rep's journal page holds only what changed; a snapshot taken after a change was applied in memory
/// may already hold the page written next, so replaying a page twice must change nothing more.
/// </summary>
public sealed class RepJournalPageTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Between_OneTaskClosedAndOneAdded_HoldsOnlyThoseAndTheHead()
    {
        var stored = Rep(("l1", "call"), ("l1", "mail"), ("l2", "call"));
        var current = Rep(("l1", "call"), ("l2", "call"), ("l3", "call"));
        current.Kudos = 4;

        var page = RepJournalPage.Between(stored, current);

        Assert.Equal(["l3/call"], page.Agenda.Set.Keys);
        Assert.Equal(["l1/mail"], page.Agenda.Removed);
        Assert.Equal(["l3"], page.OwnedLeads.Added);
        Assert.Equal(["l3"], page.LeadNames.Set.Keys);
        Assert.Empty(page.Head.Agenda);
        Assert.Equal(4, page.Head.Kudos);
    }

    [Fact]
    public void Replay_APageTheStateAlreadyHas_GivesTheSameState()
    {
        var stored = Rep(("l1", "call"), ("l2", "call"));
        var current = Rep(("l2", "call"), ("l2", "mail"), ("l3", "call"));
        current.Prompted["l2/call"] = Due;
        current.OnTimeStreak = 3;
        var page = RepJournalPage.Between(stored, current);

        var once = RepJournalPage.Replay(stored, page);
        var twice = RepJournalPage.Replay(once, page);

        Assert.Equal(Describe(current), Describe(once));
        Assert.Equal(Describe(current), Describe(twice));
        Assert.Empty(RepJournalPage.Between(twice, current).Agenda.Set);
    }

    private static RepState Rep(params (string Lead, string Task)[] tasks)
    {
        var state = new RepState();
        foreach (var (lead, task) in tasks)
        {
            var item = new AgendaItem { LeadId = lead, LeadName = $"Name {lead}", TaskId = task, Title = task, StageId = "work", DueAt = Due };
            state.Agenda[item.Key] = item;
            state.OwnedLeads.Add(lead);
            state.LeadNames[lead] = item.LeadName;
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
