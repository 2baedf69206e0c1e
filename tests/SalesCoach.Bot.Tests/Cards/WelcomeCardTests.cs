using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Tests.Infrastructure;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class WelcomeCardTests
{
    [Fact]
    public void Build_GreetsSaysWhatItDoesAndPointsToHelp()
    {
        var texts = new CardJsonQuery(WelcomeCard.Build(OnTeams, "Ana")).Texts;

        Assert.Equal("Hi Ana, I'm SalesCoach", texts[0]);
        Assert.Contains(texts, t => t.Contains("**task** card", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("**guidance**", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("**help**", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithoutAName_GreetsPlainly()
    {
        Assert.Equal("Hi, I'm SalesCoach", new CardJsonQuery(WelcomeCard.Build(OnWebChat)).Texts[0]);
    }

    [Fact]
    public void Build_OnTeams_ButtonsPostTheCommandsAsTheUsersMessage()
    {
        var query = new CardJsonQuery(WelcomeCard.Build(OnTeams));

        Assert.Equal("""{"msteams":{"type":"imBack","value":"tasks"}}""", query.Action("My tasks")["data"]!.ToJsonString());
        Assert.Equal("""{"msteams":{"type":"imBack","value":"help"}}""", query.Action("Help")["data"]!.ToJsonString());
    }

    [Fact]
    public void Build_OnWebChat_ButtonsCarryTheCommandAsText()
    {
        var query = new CardJsonQuery(WelcomeCard.Build(OnWebChat));

        Assert.Equal("Action.Submit", (string?)query.Action("Help")["type"]);
        Assert.Equal("\"help\"", query.Action("Help")["data"]!.ToJsonString());
    }
}
