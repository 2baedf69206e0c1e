using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Tests.Infrastructure;
using SalesCoach.Leads;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class LeadCardTests
{
    [Fact]
    public void Build_OpenLead_ShowsFactsStageAndOwner()
    {
        var texts = new CardJsonQuery(LeadCard.Build(Acme(), OnTeams, Pipeline)).Texts;

        Assert.Equal(["Lead", "Acme", "Acme Oy"], texts.Take(3));
        Assert.Contains("Stage: Meeting · since Mon 1 Dec", texts);
        Assert.Contains("Owner: Ana", texts);
        Assert.Contains("Value: 12,000 EUR", texts);
        Assert.Contains("Product: CRM suite", texts);
        Assert.Contains("Contacts: cto@acme.example, buyer@acme.example", texts);
    }

    [Fact]
    public void Build_OpenLead_ShowsGuidanceAndGoal()
    {
        var texts = new CardJsonQuery(LeadCard.Build(Acme(), OnTeams, Pipeline)).Texts;

        Assert.Contains(texts, t => t.StartsWith("Meet the people who feel the problem.", StringComparison.Ordinal));
        Assert.Contains("Done when a meeting is logged", texts);
    }

    [Fact]
    public void Build_OpenTasks_EachHasACompleteAndDoneOnesAreLeftOut()
    {
        var query = new CardJsonQuery(LeadCard.Build(Acme(), OnTeams, Pipeline));

        Assert.Equal(["book-meeting", "send-agenda"], query.ActionsTitled("Complete").Select(a => (string?)CardJsonQuery.DataOf(a)["taskId"]));
        Assert.DoesNotContain("Research the company and the contact", query.Texts);
    }

    [Fact]
    public void Build_Activities_NewestFirst()
    {
        var texts = new CardJsonQuery(LeadCard.Build(Acme(), OnTeams, Pipeline)).Texts;

        var recent = texts.SkipWhile(t => t != "Recent activity").Skip(1).ToList();
        Assert.Equal(["Call: Budget check · yesterday 10:30", "Email out: Intro and next steps · Sun 30 Nov 08:30"], recent);
    }

    [Fact]
    public void Build_ManyActivities_ShowsTheLatestFive()
    {
        var lead = Acme() with
        {
            Activities = [.. Enumerable.Range(0, 9).Select(i => new ActivityView { Id = $"a{i}", Type = "note", Subject = $"Note {i}", At = Now.AddHours(-i) })],
        };

        var texts = new CardJsonQuery(LeadCard.Build(lead, OnTeams, Pipeline)).Texts;

        Assert.Equal(5, texts.Count(t => t.StartsWith("Note: ", StringComparison.Ordinal)));
        Assert.Contains("Note: Note 0 · today 08:30", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("Note: Note 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_GoalMetByAnActivity_OffersAdvanceToTheNextStage()
    {
        var advance = new CardJsonQuery(LeadCard.Build(Acme(), OnTeams, Pipeline)).Action("Advance to Demo");

        Assert.Equal(CardVerbs.AdvanceLead, (string?)advance["verb"]);
        Assert.Equal("acme", (string?)advance["data"]!["leadId"]);
        Assert.Equal("meeting", (string?)advance["data"]!["stageId"]);
    }

    [Fact]
    public void Build_GoalIncludingManual_OffersConfirmInstead()
    {
        var query = new CardJsonQuery(LeadCard.Build(Acme("proposal"), OnWebChat, Pipeline));

        var confirm = query.Action("Confirm stage done");
        Assert.Equal(CardVerbs.ConfirmStage, (string?)confirm["data"]!["verb"]);
        Assert.Equal("proposal", (string?)confirm["data"]!["stageId"]);
        Assert.DoesNotContain(query.ButtonTitles, t => t.StartsWith("Advance", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_LastStage_OffersNoAdvance()
    {
        var query = new CardJsonQuery(LeadCard.Build(Acme("negotiate"), OnTeams, Pipeline));

        Assert.Equal(["Complete", "Complete"], query.ButtonTitles);
    }

    [Fact]
    public void Build_WithoutThePipeline_OffersAPlainAdvance()
    {
        var query = new CardJsonQuery(LeadCard.Build(Acme(), OnTeams));

        Assert.Contains("Advance to the next stage", query.ButtonTitles);
        Assert.DoesNotContain(query.Texts, t => t.StartsWith("Done when", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WonLead_ShowsTheOutcomeAndOffersNothing()
    {
        var lead = Acme("negotiate", tasks: [], status: LeadStatus.Won, outcome: new OutcomeView(LeadStatus.Won, 11500, null, Now, "ana"));

        var query = new CardJsonQuery(LeadCard.Build(lead, OnTeams, Pipeline));

        Assert.Contains("Won · 11,500 EUR", query.Texts);
        Assert.Contains("Tue 2 Dec by Ana", query.Texts);
        Assert.Empty(query.Actions);
    }

    [Fact]
    public void Build_LostLead_ShowsTheReason()
    {
        var lead = Acme("demo", tasks: [], status: LeadStatus.Lost, outcome: new OutcomeView(LeadStatus.Lost, null, "No budget this year", Now, "ana"));

        var texts = new CardJsonQuery(LeadCard.Build(lead, OnTeams, Pipeline)).Texts;

        Assert.Equal("Lead · Lost", texts[0]);
        Assert.Contains("No budget this year · Tue 2 Dec", texts);
    }
}
