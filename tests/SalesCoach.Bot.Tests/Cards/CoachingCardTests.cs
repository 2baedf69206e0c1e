using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Tests.Infrastructure;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class CoachingCardTests
{
    [Fact]
    public void Build_WeakestStage_NamesItAndGivesOneSuggestionFromItsGuidance()
    {
        var query = new CardJsonQuery(CoachingCard.Build(Coaching(), "Bo", CoachingSuggestion.From(Stage("proposal").Guidance), OnTeams));

        Assert.Contains("Weakest stage: Proposal", query.Texts);
        Assert.Contains("Now ask for the decision.", query.Texts);
        Assert.Contains("👏 3 kudos · 🏆 2 praise · win rate 25% (team 27%)", query.Texts);
    }

    [Fact]
    public void From_GuidanceWithBullets_TakesTheFirstBulletWithoutEmphasis()
    {
        Assert.Equal("Ask for the budget first", CoachingSuggestion.From("## Tips\nIntro line.\n- Ask for the **budget** first\n- Then timing"));
    }

    [Fact]
    public void From_NoGuidance_IsNull()
    {
        Assert.Null(CoachingSuggestion.From("  "));
    }
}
