using System.Text.Json.Nodes;
using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Tests.Infrastructure;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class CardActionDataTests
{
    [Fact]
    public void Parse_SubmitValueWithInputs_ReadsWhatToActOnAndTheInputs()
    {
        var value = JsonNode.Parse("""
            {"verb":"task.snooze","card":"taskPrompt","leadId":"acme","taskId":"book-meeting","utcOffset":"+02:00",
             "snooze":"date","snoozeDate":"2025-12-05","snoozeTime":"14:00","extra":{"x":1}}
            """);

        var data = CardActionData.Parse(value);

        Assert.Equal(
            new CardActionData
            {
                Verb = CardVerbs.SnoozeTask, Card = CardNames.TaskPrompt, LeadId = "acme", TaskId = "book-meeting", UtcOffset = "+02:00",
                Snooze = SnoozeChoices.OnDate, SnoozeDate = "2025-12-05", SnoozeTime = "14:00",
            },
            data);
    }

    [Fact]
    public void Parse_ExecuteData_TheActionsVerbWins()
    {
        var data = CardActionData.Parse(JsonNode.Parse("""{"verb":"task.complete","leadId":"acme"}"""), verb: "lead.open");

        Assert.Equal("lead.open", data!.Verb);
        Assert.Equal("acme", data.LeadId);
    }

    [Fact]
    public void Parse_EmptyInputs_AreMissing()
    {
        var data = CardActionData.Parse(JsonNode.Parse("""{"verb":"kudos.send","kudosTo":"","kudosText":"  "}"""));

        Assert.Null(data!.KudosTo);
        Assert.Null(data.KudosText);
    }

    [Theory]
    [InlineData("""{"leadId":"acme"}""")]
    [InlineData("""{"verb":""}""")]
    [InlineData("\"tasks\"")]
    [InlineData("null")]
    public void Parse_NoVerb_IsNull(string json)
    {
        Assert.Null(CardActionData.Parse(JsonNode.Parse(json)));
    }

    [Fact]
    public void Parse_WhatACardSends_ReadsBackTheSameData()
    {
        var sent = CardJsonQuery.DataOf(new CardJsonQuery(TaskPromptCard.Build(Acme(), BookMeeting(), OnWebChat)).Action("Complete"));

        Assert.Equal(
            new CardActionData { Verb = CardVerbs.CompleteTask, Card = CardNames.TaskPrompt, LeadId = "acme", TaskId = "book-meeting" },
            CardActionData.Parse(sent));
    }

    [Fact]
    public void ToJsonObject_LeavesOutWhatIsNotSet()
    {
        var data = new CardActionData { Verb = CardVerbs.OpenLead, LeadId = "acme" };

        Assert.Equal("""{"verb":"lead.open","leadId":"acme"}""", data.ToJsonObject().ToJsonString());
    }
}
