using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class CardActionsTests
{
    private static readonly CardActionData Open = new() { Verb = CardVerbs.OpenLead, LeadId = "acme" };

    [Fact]
    public void Verb_OnTeams_IsAnExecuteWithTheVerbAndTheData()
    {
        var action = Assert.IsType<ExecuteAction>(CardActions.Verb("Open", Open, OnTeams));

        Assert.Equal(CardVerbs.OpenLead, action.Verb);
        Assert.Same(Open, action.Data);
    }

    [Fact]
    public void Verb_Elsewhere_IsASubmitWithTheSameData()
    {
        var action = Assert.IsType<SubmitAction>(CardActions.Verb("Open", Open, OnWebChat, ActionStyle.Positive));

        Assert.Same(Open, action.Data);
        Assert.Equal(ActionStyle.Positive, action.Style);
    }

    [Fact]
    public void Refresh_OnTeams_RunsTheRefreshVerbWithTheCardsData()
    {
        var refresh = CardActions.Refresh(Open with { Card = CardNames.Lead }, OnTeams)!;

        var action = Assert.IsType<ExecuteAction>(refresh.Action);
        Assert.Equal(CardVerbs.Refresh, action.Verb);
        Assert.Equal(new CardActionData { Verb = CardVerbs.Refresh, Card = CardNames.Lead, LeadId = "acme" }, action.Data);
        Assert.Empty(refresh.UserIds!);
    }

    [Fact]
    public void Refresh_WithoutUniversalActions_IsNone()
    {
        Assert.Null(CardActions.Refresh(Open, OnWebChat));
    }

    [Fact]
    public void Command_IsASubmitOnBothChannels()
    {
        Assert.IsType<SubmitAction>(CardActions.Command("Help", "help", OnTeams));
        Assert.Equal("help", Assert.IsType<SubmitAction>(CardActions.Command("Help", "help", OnWebChat)).Data);
    }
}
