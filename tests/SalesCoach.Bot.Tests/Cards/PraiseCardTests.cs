using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Tests.Infrastructure;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class PraiseCardTests
{
    [Fact]
    public void Build_Notification_ShowsTheMilestoneAndTheMessage()
    {
        var texts = new CardJsonQuery(PraiseCard.Build(Praise(), OnTeams)).Texts;

        Assert.Equal(["🏆 Milestone", "Acme is past the meeting", "Great work getting **Acme** past the meeting!"], texts);
    }

    [Fact]
    public void Build_AboutALead_OffersOpenLead()
    {
        var open = new CardJsonQuery(PraiseCard.Build(Praise(), OnWebChat)).Action("Open lead");

        Assert.Equal("""{"verb":"lead.open","card":"praise","leadId":"acme"}""", open["data"]!.ToJsonString());
    }

    [Fact]
    public void Build_NotAboutALead_OffersNothing()
    {
        var query = new CardJsonQuery(PraiseCard.Build("Ten on time in a row", "Ten tasks done on time.", null, OnTeams));

        Assert.Empty(query.Actions);
        Assert.Contains("Ten on time in a row", query.Texts);
    }
}
