using SalesCoach.Bot.Cards;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class CardAttachmentTests
{
    [Fact]
    public void From_Card_IsAnAdaptiveCardAttachment()
    {
        var attachment = CardAttachment.From(WelcomeCard.Build(OnTeams));

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]!["type"]);
        Assert.Equal("1.5", (string?)attachment["content"]!["version"]);
        Assert.Equal(2, attachment.Count);
    }

    [Fact]
    public void InvokeResponse_Card_IsWhatTeamsShowsInPlace()
    {
        var response = CardAttachment.InvokeResponse(KudosCard.Sent("Ana", "Great demo!"));

        Assert.Equal(200, (int?)response["statusCode"]);
        Assert.Equal(CardAttachment.ContentType, (string?)response["type"]);
        Assert.Equal("AdaptiveCard", (string?)response["value"]!["type"]);
    }
}
