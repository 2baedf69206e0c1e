using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Tests.Infrastructure;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class HelpCardTests
{
    [Fact]
    public void Build_ListsEveryCommandOfRepsAndManagers()
    {
        var texts = new CardJsonQuery(HelpCard.Build(OnTeams)).Texts;

        foreach (var command in new[] { "help", "tasks", "lead ‹name or id›", "advance ‹lead›", "new lead ‹name› ‹email›", "funnel [pipeline]", "coach ‹rep› [pipeline]", "kudos @rep ‹text›" })
        {
            Assert.Contains(texts, t => t.StartsWith(command + ": ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Build_ForARep_LeavesOutTheManagersCommands()
    {
        var texts = new CardJsonQuery(HelpCard.Build(OnTeams, includeManagerCommands: false)).Texts;

        Assert.DoesNotContain("For managers", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("funnel", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_TextNotUnderstood_QuotesItFirst()
    {
        var texts = new CardJsonQuery(HelpCard.Build(OnWebChat, notUnderstood: "  show *me* the money ")).Texts;

        Assert.Equal("Sorry, I didn't understand “show *me* the money”.", texts[0]);
        Assert.Equal("Try one of these", texts[1]);
    }
}
