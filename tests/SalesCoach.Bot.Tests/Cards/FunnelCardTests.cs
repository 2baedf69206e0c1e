using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Tests.Infrastructure;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class FunnelCardTests
{
    [Fact]
    public void Build_Stages_DrawsABarPerStageWidthByLeadsEntered()
    {
        var json = new CardJsonQuery(FunnelCard.Build(Funnel(), OnTeams)).Json.ToJsonString();

        Assert.Contains($"\"width\":\"{FunnelCard.BarWidth}px\"", json, StringComparison.Ordinal); // the widest stage
        var expected = (int)Math.Round(FunnelCard.BarWidth * 22 / 120.0); // 22 of 120 entered
        Assert.Contains($"\"width\":\"{expected}px\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoData_ShowsDashesNotNaN()
    {
        var query = new CardJsonQuery(FunnelCard.Build(Funnel(empty: true), OnTeams));

        Assert.DoesNotContain("NaN", query.AllText, StringComparison.Ordinal);
        Assert.Contains("Win rate", query.AllText, StringComparison.Ordinal);
        Assert.Contains("–", query.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Filters_HasPipelineTeamRepAndPeriodInputsAndAnUpdateButton()
    {
        var query = new CardJsonQuery(FunnelCard.Build(Funnel(), OnTeams));

        Assert.Equal([CardInputs.Pipeline, CardInputs.FunnelTeam, CardInputs.FunnelRep, CardInputs.FunnelPeriod], query.Inputs.Keys);
        Assert.Equal(CardVerbs.FilterFunnel, (string?)query.Action("Update")["verb"]);
    }

    [Fact]
    public void Build_OnePipeline_NamesItAndOffersNoPipelineChooser()
    {
        var query = new CardJsonQuery(FunnelCard.Build(Funnel(empty: true), OnTeams));

        Assert.Contains("B2B new business · Last 90 days", query.Texts);
        Assert.DoesNotContain(CardInputs.Pipeline, query.Inputs.Keys);
    }

    [Fact]
    public void Resolve_ThisQuarter_StartsOnTheQuartersFirstDay()
    {
        var (from, to) = FunnelPeriods.Resolve(FunnelPeriods.ThisQuarter, Now);

        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 2)), (from!.Value, to!.Value));
    }
}
