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
    public void Build_WithFilters_PreselectsTheRepAndPeriodAndUpdatesThroughTheCoachingVerbWithoutNamingTheRep()
    {
        var query = new CardJsonQuery(CoachingCard.Build(Coaching(), "Bo", null, OnTeams, CoachingFilters()));

        Assert.Equal([CardInputs.CoachingRep, CardInputs.CoachingPeriod, CardInputs.Pipeline], query.Inputs.Keys);
        Assert.Equal("bo", (string?)query.Inputs[CardInputs.CoachingRep]["value"]);
        Assert.Equal(FunnelPeriods.Last30Days, (string?)query.Inputs[CardInputs.CoachingPeriod]["value"]);
        var update = query.Action("Update");
        Assert.Equal(("Action.Execute", CardVerbs.FilterCoaching), ((string?)update["type"], (string?)update["verb"]));
        Assert.DoesNotContain("\"bo\"", update["data"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutFilters_HasNoButtons()
    {
        Assert.Empty(new CardJsonQuery(CoachingCard.Build(Coaching(), "Bo", null, OnTeams)).Actions);
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
