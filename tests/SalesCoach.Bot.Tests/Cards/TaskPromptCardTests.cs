using System.Text.Json.Nodes;
using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Bot.Tests.Infrastructure;
using SalesCoach.Leads;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class TaskPromptCardTests
{
    private static readonly DateTimeOffset TenFortyTwo = new(2025, 12, 2, 10, 42, 0, TimeSpan.Zero);

    [Fact]
    public void Build_OpenTaskOnTeams_CompleteIsAnExecuteWithTheLeadAndTask()
    {
        var complete = new CardJsonQuery(TaskPromptCard.Build(Acme(), BookMeeting(), OnTeams)).Action("Complete");

        Assert.Equal("Action.Execute", (string?)complete["type"]);
        Assert.Equal(CardVerbs.CompleteTask, (string?)complete["verb"]);
        var data = CardJsonQuery.DataOf(complete);
        Assert.Equal(CardVerbs.CompleteTask, (string?)data["verb"]);
        Assert.Equal("acme", (string?)data["leadId"]);
        Assert.Equal("book-meeting", (string?)data["taskId"]);
        Assert.Equal(CardNames.TaskPrompt, (string?)data["card"]);
    }

    [Fact]
    public void Build_OpenTaskOnDirectLine_CompleteIsASubmitWithTheSamePayload()
    {
        var teams = new CardJsonQuery(TaskPromptCard.Build(Acme(), BookMeeting(), OnTeams)).Action("Complete");
        var webChat = new CardJsonQuery(TaskPromptCard.Build(Acme(), BookMeeting(), Context(ChannelCapabilities.ForChannel("directline")))).Action("Complete");

        Assert.Equal("Action.Submit", (string?)webChat["type"]);
        Assert.Null(webChat["verb"]);
        Assert.True(JsonNode.DeepEquals(teams["data"], webChat["data"]));
    }

    [Fact]
    public void Build_OpenTask_ShowsWhatForWhichLeadInWhichStageAndWhenDue()
    {
        var query = new CardJsonQuery(TaskPromptCard.Build(Acme(), BookMeeting(), OnTeams));

        Assert.Equal(
            ["Task due", "Book the first meeting", "Propose two slots; invite whoever feels the problem.", "Lead: Acme (Acme Oy)", "Stage: Meeting", "Due: today 10:00"],
            query.Texts.Take(6));
        Assert.Equal(["Complete", "Snooze", "Open lead"], query.ButtonTitles);
    }

    [Fact]
    public void Build_OverdueTask_SaysSo()
    {
        var overdue = BookMeeting() with { DueAt = Now.AddHours(-2) };

        var texts = new CardJsonQuery(TaskPromptCard.Build(Acme(), overdue, OnTeams)).Texts;

        Assert.Equal("Task overdue", texts[0]);
        Assert.Contains("Due: today 06:30 (overdue)", texts);
    }

    [Fact]
    public void Build_OpenTask_SnoozeOffersChoicesAndADateAndTime()
    {
        var query = new CardJsonQuery(TaskPromptCard.Build(Acme(), BookMeeting(), Context(ChannelCapabilities.Teams, TimeSpan.FromHours(2))));

        var choices = query.Inputs[CardInputs.Snooze]["choices"]!.AsArray().Select(c => (string)c!["value"]!).ToList();
        Assert.Equal(SnoozeChoices.All.Select(c => c.Value), choices);
        Assert.Equal("Input.Date", (string?)query.Inputs[CardInputs.SnoozeDate]["type"]);
        Assert.Equal("2025-12-02", (string?)query.Inputs[CardInputs.SnoozeDate]["min"]);
        Assert.Equal("Input.Time", (string?)query.Inputs[CardInputs.SnoozeTime]["type"]);

        var snooze = query.ActionsTitled("Snooze").Single(a => (string?)a["type"] == "Action.Execute");
        var data = CardJsonQuery.DataOf(snooze);
        Assert.Equal(CardVerbs.SnoozeTask, (string?)data["verb"]);
        Assert.Equal("book-meeting", (string?)data["taskId"]);
        Assert.Equal("+02:00", (string?)data["utcOffset"]);
    }

    [Fact]
    public void Build_OpenTaskOnTeams_RefreshRebuildsThisTaskForWhoeverViewsIt()
    {
        var refresh = CardJson.ToJsonObject(TaskPromptCard.Build(Acme(), BookMeeting(), OnTeams))["refresh"]!;

        Assert.Equal(CardVerbs.Refresh, (string?)refresh["action"]!["verb"]);
        Assert.Equal(CardNames.TaskPrompt, (string?)refresh["action"]!["data"]!["card"]);
        Assert.Equal("book-meeting", (string?)refresh["action"]!["data"]!["taskId"]);
        Assert.Empty(refresh["userIds"]!.AsArray());
    }

    [Fact]
    public void Build_DoneTask_NamesWhoAndWhenAndOffersNothing()
    {
        var card = TaskPromptCard.Build(Acme(), BookMeeting(LeadTaskStatus.Done, "ana", TenFortyTwo), OnTeams);
        var query = new CardJsonQuery(card);

        Assert.Contains("✓ Done by Ana at 10:42", query.Texts);
        Assert.Empty(query.Actions);
        Assert.Null(card.Refresh);
    }

    [Fact]
    public void Build_DoneTask_ShowsTheTimeInTheViewersZone()
    {
        var card = TaskPromptCard.Build(Acme(), BookMeeting(LeadTaskStatus.Done, "ana", TenFortyTwo), Context(ChannelCapabilities.Teams, TimeSpan.FromHours(2)));

        Assert.Contains("✓ Done by Ana at 12:42", new CardJsonQuery(card).Texts);
    }

    [Fact]
    public void Build_DoneOnAnotherDay_NamesTheDay()
    {
        var card = TaskPromptCard.Build(Acme(), BookMeeting(LeadTaskStatus.Done, "bo", TenFortyTwo.AddDays(-1)), OnTeams);

        Assert.Contains("✓ Done by Bo at 10:42 on Mon 1 Dec", new CardJsonQuery(card).Texts);
    }

    [Fact]
    public void Build_SkippedTask_SaysTheStageMovedOnAndOffersNothing()
    {
        var query = new CardJsonQuery(TaskPromptCard.Build(Acme(), BookMeeting(LeadTaskStatus.Skipped), OnTeams));

        Assert.Contains("Skipped", query.Texts);
        Assert.Contains("The lead left Meeting, so it is no longer needed.", query.Texts);
        Assert.Empty(query.Actions);
    }

    [Fact]
    public void Build_OpenTaskOfAClosedLead_IsRefused()
    {
        var query = new CardJsonQuery(TaskPromptCard.Build(Acme(status: LeadStatus.Lost), BookMeeting(), OnTeams));

        Assert.Contains("This lead is closed", query.Texts);
        Assert.Empty(query.Actions);
    }

    [Theory]
    [InlineData(TaskRefusal.NotYours, "This task is not yours")]
    [InlineData(TaskRefusal.AlreadySkipped, "This task was already skipped")]
    [InlineData(TaskRefusal.LeadClosed, "This lead is closed")]
    [InlineData(TaskRefusal.NotFound, "This task no longer exists")]
    public void Refused_EveryReason_SaysWhyAndOffersNothing(TaskRefusal refusal, string headline)
    {
        var query = new CardJsonQuery(TaskPromptCard.Refused(refusal, OnWebChat, BookMeeting()));

        Assert.Contains(headline, query.Texts);
        Assert.Contains("Book the first meeting", query.Texts);
        Assert.Empty(query.Actions);
    }

    [Fact]
    public void Build_AssignedNotification_IsANewTaskPromptFromTheAgendaItem()
    {
        var query = new CardJsonQuery(TaskPromptCard.Build(TaskAssigned(), OnTeams));

        Assert.Equal(["New task for you", "Send the meeting agenda", "Lead: Acme", "Due: tomorrow 08:30"], query.Texts.Take(4));
        Assert.Equal("send-agenda", (string?)CardJsonQuery.DataOf(query.Action("Complete"))["taskId"]);
    }

    [Fact]
    public void Build_NotificationWithoutATask_Throws()
    {
        Assert.Throws<ArgumentException>(() => TaskPromptCard.Build(TaskDue() with { Tasks = [] }, OnTeams));
    }

    [Fact]
    public void Build_TitleWithMarkdownCharacters_IsShownAsWritten()
    {
        var task = BookMeeting() with { Title = "Send *the* [contract]" };

        var body = CardJson.ToJsonObject(TaskPromptCard.Build(Acme(), task, OnTeams))["body"]!.AsArray();

        var title = body.Single(e => (string?)e!["type"] == "RichTextBlock")!;
        Assert.Equal("Send *the* [contract]", (string?)title["inlines"]![0]!["text"]);
    }
}
