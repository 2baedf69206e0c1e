using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Bot.Tests.Infrastructure;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class StageGuidanceCardTests
{
    [Fact]
    public void Build_TheManagersGuidance_IsShownAsCardMarkdown()
    {
        var query = new CardJsonQuery(StageGuidanceCard.Build(Acme("qualify"), Stage("qualify"), OnTeams));

        Assert.Contains(
            "Find out whether this is a real opportunity before you invest time in it. Ask about **budget, authority, need and timing**. "
            + "The stage is done as soon as you know roughly what the deal is worth: put the value on the lead.",
            query.Texts);
    }

    [Fact]
    public void Build_TheGoal_IsInPlainWords()
    {
        var texts = new CardJsonQuery(StageGuidanceCard.Build(Acme(), Stage("meeting"), OnTeams)).Texts;

        Assert.Contains("Acme is now in Meeting", texts);
        Assert.Contains("Done when a meeting is logged", texts);
    }

    [Fact]
    public void Build_Checklist_HasEachTaskWithItsDueTimeAndAComplete()
    {
        var query = new CardJsonQuery(StageGuidanceCard.Build(Acme(), Stage("meeting"), OnTeams));

        Assert.Contains("☐ Book the first meeting", query.Texts);
        Assert.Contains("Due tomorrow 12:30", query.Texts);
        Assert.Contains("☐ Send the meeting agenda", query.Texts);
        Assert.Contains("Due Thu 4 Dec 12:30", query.Texts);
        var completes = query.ActionsTitled("Complete").Select(CardJsonQuery.DataOf).ToList();
        Assert.Equal(["book-meeting", "send-agenda"], completes.Select(d => (string?)d["taskId"]));
        Assert.All(completes, d =>
        {
            Assert.Equal(CardVerbs.CompleteTask, (string?)d["verb"]);
            Assert.Equal("acme", (string?)d["leadId"]);
            Assert.Equal("meeting", (string?)d["stageId"]);
            Assert.Equal(CardNames.StageGuidance, (string?)d["card"]);
        });
    }

    [Fact]
    public void Build_DoneAndSkippedTasks_AreTickedWithoutButtons()
    {
        var tasks = new List<TaskView>
        {
            Task("research", "Research the company and the contact", "qualify", Now.AddHours(-4), LeadTaskStatus.Done, "ana", new DateTimeOffset(2025, 12, 2, 7, 5, 0, TimeSpan.Zero)),
            Task("discovery-call", "Discovery call", "qualify", Now.AddHours(4), LeadTaskStatus.Skipped),
        };

        var query = new CardJsonQuery(StageGuidanceCard.Build(Acme("qualify", tasks), Stage("qualify"), OnTeams));

        Assert.Contains("✓ Research the company and the contact", query.Texts);
        Assert.Contains("Done by Ana at 07:05", query.Texts);
        Assert.Contains("– Discovery call", query.Texts);
        Assert.Empty(query.ActionsTitled("Complete"));
    }

    [Fact]
    public void Build_GoalIncludingManual_OffersConfirmForThisStage()
    {
        var query = new CardJsonQuery(StageGuidanceCard.Build(Acme("proposal"), Stage("proposal"), OnWebChat));

        var confirm = query.Action("Confirm stage done");
        Assert.Equal("Action.Submit", (string?)confirm["type"]);
        var data = CardJsonQuery.DataOf(confirm);
        Assert.Equal(CardVerbs.ConfirmStage, (string?)data["verb"]);
        Assert.Equal("acme", (string?)data["leadId"]);
        Assert.Equal("proposal", (string?)data["stageId"]);
    }

    [Fact]
    public void Build_GoalWithoutManual_OffersNoConfirm()
    {
        var query = new CardJsonQuery(StageGuidanceCard.Build(Acme(), Stage("meeting"), OnTeams));

        Assert.DoesNotContain("Confirm stage done", query.ButtonTitles);
        Assert.Contains("Open lead", query.ButtonTitles);
    }

    [Fact]
    public void Build_LeadHasLeftTheStage_OnlyOpenLead()
    {
        var query = new CardJsonQuery(StageGuidanceCard.Build(Acme("demo"), Stage("proposal"), OnTeams));

        Assert.Equal(["Open lead"], query.ButtonTitles);
    }

    [Fact]
    public void Build_NoTaskInstancesYet_ListsTheStagesTasksWithTheirDelay()
    {
        var query = new CardJsonQuery(StageGuidanceCard.Build(Acme("qualify", tasks: []), Stage("qualify"), OnTeams));

        Assert.Contains("☐ Research the company and the contact", query.Texts);
        Assert.Contains("Due 4 hours after the stage starts", query.Texts);
        Assert.Contains("Due 1 day after the stage starts", query.Texts);
        Assert.Empty(query.ActionsTitled("Complete"));
    }

    [Fact]
    public void Build_StageWithManyTasks_StaysUnder28KBAndCountsTheRest()
    {
        var stage = new StageDefinition
        {
            Id = "big", Name = "Big", Guidance = new string('x', 10_000), Goal = new GoalDefinition { AllTasksCompleted = true },
            Tasks = [.. Enumerable.Range(0, 80).Select(i => new TaskDefinition { Id = $"t{i}", Title = $"Task {i} " + new string('y', 100), DueAfter = "P1D" })],
        };
        var lead = Acme("meeting") with
        {
            Stage = new StageView("big", "Big", null, Now),
            Tasks = [.. stage.Tasks.Select(t => Task(t.Id + new string('z', 30), t.Title, "big", Now.AddDays(1)))],
        };

        var card = StageGuidanceCard.Build(lead, stage, OnTeams);

        Assert.InRange(CardJson.Utf8Size(card), 1, 28 * 1024 - 1);
        Assert.Contains(new CardJsonQuery(card).Texts, t => t.StartsWith("…and ", StringComparison.Ordinal));
        CardSchema.AssertValid(card);
    }
}
