using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Bot.Tests.Infrastructure;
using SalesCoach.Reps;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class MyDayCardTests
{
    [Fact]
    public void Build_DueAndOverdueTasks_AreGroupedByLeadInDueOrder()
    {
        var query = new CardJsonQuery(MyDayCard.Build(AnasAgenda(), OnTeams));

        Assert.Equal(
            [
                "My day · Tue 2 Dec", "2 overdue · 2 due today",
                "Acme", "Send the meeting agenda", "Overdue since yesterday 16:30", "Book the first meeting", "Due today 10:00",
                "Globex", "Draft the proposal", "Overdue since today 07:30",
                "Initech", "Research the company and the contact", "Due today 14:30",
                "Coming up",
                "Globex", "Follow up on the proposal", "Due tomorrow 08:30",
            ],
            query.Texts);
    }

    [Fact]
    public void Build_EachTask_HasACompleteForItsLeadAndTask()
    {
        var query = new CardJsonQuery(MyDayCard.Build(AnasAgenda(), OnWebChat));

        var data = query.ActionsTitled("Complete").Select(CardJsonQuery.DataOf).ToList();
        Assert.Equal(
            [("acme", "send-agenda"), ("acme", "book-meeting"), ("globex", "draft-proposal"), ("initech", "research"), ("globex", "proposal-follow-up")],
            data.Select(d => ((string?)d["leadId"], (string?)d["taskId"])));
        Assert.All(data, d => Assert.Equal(CardVerbs.CompleteTask, (string?)d["verb"]));
        Assert.All(data, d => Assert.Equal(CardNames.MyDay, (string?)d["card"]));
    }

    [Fact]
    public void Build_LateInTheEvening_ATaskDueAfterMidnightCanBeCompleted()
    {
        // 23:30 in the viewer's zone: the task due in an hour belongs to tomorrow, not to "My day".
        var context = Context(ChannelCapabilities.Teams, TimeSpan.FromHours(-9.5)) with { Now = Now.Date.AddHours(9) };
        var agenda = new AgendaView("ana", [new("acme", "Acme", "call", "Call the customer", "call", context.Now!.Value.AddHours(1), false)]);

        var query = new CardJsonQuery(MyDayCard.Build(agenda, context));

        Assert.Equal(["My day · Mon 1 Dec", "Nothing is due today.", "Coming up", "Acme", "Call the customer", "Due tomorrow 00:30"], query.Texts);
        Assert.Equal(("acme", "call"), query.ActionsTitled("Complete").Select(CardJsonQuery.DataOf).Select(d => ((string?)d["leadId"], (string?)d["taskId"])).Single());
    }

    [Fact]
    public void Build_MoreTasksComingUp_ShowsTheNextFewAndCountsTheRest()
    {
        var agenda = new AgendaView("ana",
        [
            .. Enumerable.Range(1, 5).Select(i => new AgendaEntryView("acme", "Acme", $"t{i}", $"Task {i}", "meeting", Now.AddDays(i), false)),
        ]);

        var query = new CardJsonQuery(MyDayCard.Build(agenda, OnTeams));

        Assert.Equal(["t1", "t2", "t3"], query.ActionsTitled("Complete").Select(CardJsonQuery.DataOf).Select(d => (string?)d["taskId"]));
        Assert.Equal("…and 2 more tasks after that.", query.Texts[^1]);
    }

    [Fact]
    public void Build_OverdueTasks_AreInTheAttentionColour()
    {
        var json = CardJson.Serialize(MyDayCard.Build(AnasAgenda(), OnTeams));

        Assert.Contains("\"text\":\"Overdue since today 07:30\",\"size\":\"small\",\"color\":\"attention\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TimesAreInTheViewersZone()
    {
        var texts = new CardJsonQuery(MyDayCard.Build(AnasAgenda(), Context(ChannelCapabilities.Teams, TimeSpan.FromHours(-5)))).Texts;

        Assert.Contains("My day · Tue 2 Dec", texts);
        Assert.Contains("Due today 05:00", texts); // 10:00 UTC
    }

    [Fact]
    public void Build_NothingDue_SaysSo()
    {
        var query = new CardJsonQuery(MyDayCard.Build(new AgendaView("ana", []), OnTeams));

        Assert.Contains("Nothing is due today.", query.Texts);
        Assert.Empty(query.Actions);
    }

    [Fact]
    public void Build_WithoutNow_ListsEveryOpenTask()
    {
        var context = new CardContext { Capabilities = ChannelCapabilities.Teams };

        var query = new CardJsonQuery(MyDayCard.Build(AnasAgenda(), context));

        Assert.Equal("My tasks", query.Texts[0]);
        Assert.Equal(5, query.ActionsTitled("Complete").Count);
    }

    [Fact]
    public void Build_OnTeams_RefreshesMyDayWithoutNamingTheRep()
    {
        var refresh = CardJson.ToJsonObject(MyDayCard.Build(AnasAgenda(), OnTeams))["refresh"]!["action"]!;

        Assert.Equal("""{"verb":"cards.refresh","card":"myDay"}""", refresh["data"]!.ToJsonString());
    }

    [Fact]
    public void Build_FiftyTasks_ShowsThemAllUnder28KB()
    {
        var card = MyDayCard.Build(Agenda(50), OnTeams);

        Assert.Equal(50, new CardJsonQuery(card).ActionsTitled("Complete").Count);
        Assert.InRange(CardJson.Utf8Size(card), 1, 28 * 1024 - 1);
    }

    [Fact]
    public void Build_HugeAgendaWithLongIdsAndTitles_StaysUnder28KBAndCountsTheRest()
    {
        var agenda = new AgendaView("ana",
        [
            .. Enumerable.Range(0, 300).Select(i => new AgendaEntryView(
                $"{Guid.NewGuid()}", $"Lead {i % 40} " + new string('n', 80), $"{Guid.NewGuid()}", $"Task {i} " + new string('t', 300),
                "meeting", Now.AddMinutes(i), false)),
        ]);

        var card = MyDayCard.Build(agenda, OnTeams);
        var query = new CardJsonQuery(card);

        Assert.InRange(CardJson.Utf8Size(card), 1, 28 * 1024 - 1);
        var shown = query.ActionsTitled("Complete").Count;
        Assert.InRange(shown, 10, MyDayCard.MaxTasks);
        Assert.Contains($"…and {300 - shown} more tasks. Complete some to see the rest.", query.Texts);
        CardSchema.AssertValid(card);
    }
}
