using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Bot.Tests.Infrastructure;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class OverdueDigestCardTests
{
    [Fact]
    public void Build_Digest_CountsAndGroupsTheOverdueTasksOldestFirst()
    {
        var texts = new CardJsonQuery(OverdueDigestCard.Build(Digest(), OnTeams)).Texts;

        Assert.Equal(
            [
                "Daily digest", "3 overdue tasks", "Complete what is already done, or type **tasks** for your whole day.",
                "Globex", "Draft the proposal", "Overdue since Sun 30 Nov 08:30", "Follow up on the proposal", "Overdue since today 07:30",
                "Acme", "Send the meeting agenda", "Overdue since yesterday 16:30",
            ],
            texts);
    }

    [Fact]
    public void Build_EachTask_HasACompleteForItsLeadAndTask()
    {
        var query = new CardJsonQuery(OverdueDigestCard.Build(Digest(), OnTeams));

        Assert.Equal(
            [("globex", "draft-proposal"), ("globex", "proposal-follow-up"), ("acme", "send-agenda")],
            query.ActionsTitled("Complete").Select(a => ((string?)a["data"]!["leadId"], (string?)a["data"]!["taskId"])));
    }

    [Fact]
    public void Build_ShowMyDay_SendsTheTasksCommandOnEachChannel()
    {
        var teams = new CardJsonQuery(OverdueDigestCard.Build(Digest(), OnTeams)).Action("Show my day");
        var webChat = new CardJsonQuery(OverdueDigestCard.Build(Digest(), OnWebChat)).Action("Show my day");

        Assert.Equal("""{"msteams":{"type":"imBack","value":"tasks"}}""", teams["data"]!.ToJsonString());
        Assert.Equal("\"tasks\"", webChat["data"]!.ToJsonString());
    }

    [Fact]
    public void Build_ManyTasks_ShowsAtMostThirtyAndCountsTheRest()
    {
        var tasks = Enumerable.Range(0, 45).Select(i => Item($"lead-{i % 7}", $"Lead {i % 7}", $"t{i}", $"Task {i}", "meeting", Now.AddHours(-i - 1))).ToList();

        var card = OverdueDigestCard.Build(tasks, OnTeams);
        var query = new CardJsonQuery(card);

        Assert.Equal("45 overdue tasks", query.Texts[1]);
        Assert.Equal(OverdueDigestCard.MaxTasks, query.ActionsTitled("Complete").Count);
        Assert.Contains("…and 15 more tasks.", query.Texts);
        Assert.InRange(CardJson.Utf8Size(card), 1, 28 * 1024 - 1);
    }
}
