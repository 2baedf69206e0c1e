using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Api;

/// <summary><c>/api/metrics/*</c>: filters, authorization and the shapes of API.md "Kudos and metrics".</summary>
[Collection(HostCollection.Name)]
public sealed class MetricsApiTests(SalesCoachHostFixture host)
{
    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    /// <summary>A team (manager + two reps), a pipeline, one lead won and one lost by the first rep.</summary>
    private async Task<(string Pipeline, string Team, string Manager, string Rep, string Other)> SetUpAsync()
    {
        var manager = await Admin.NewRepAsync();
        var team = UniqueId.New("team");
        await (await Admin.PutTeamAsync(team, new { name = "Team", managerId = manager, members = Array.Empty<string>() })).ShouldBeAsync(HttpStatusCode.OK);
        var rep = await Admin.NewRepAsync(team, manager);
        var other = await Admin.NewRepAsync(team, manager);
        var pipeline = PipelineBuilder.New().Stage("qualify", PipelineBuilder.FieldSet("value")).Stage("close", null);
        await Admin.SavePipelineAsync(pipeline);
        var won = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), rep, value: 1000));
        await (await Admin.WonAsync(won.Id, 1500)).ShouldBeAsync(HttpStatusCode.OK);
        var lost = await Admin.NewLeadAsync(pipeline.Lead(UniqueId.New("lead"), rep));
        await (await Admin.LostAsync(lost.Id, "no budget")).ShouldBeAsync(HttpStatusCode.OK);
        return (pipeline.Id, team, manager, rep, other);
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.ShouldBeAsync(HttpStatusCode.OK))!;

    [Fact]
    public async Task GetFunnel_AsTeamManager_ReturnsStagesWinRateAndDealSize()
    {
        var (pipeline, team, manager, _, _) = await SetUpAsync();

        var funnel = await JsonAsync(await host.As(manager).GetAsync($"/api/metrics/funnel?pipelineId={pipeline}&teamId={team}"));

        Assert.Equal(["qualify", "close"], funnel["stages"]!.AsArray().Select(s => (string)s!["id"]!));
        var qualify = funnel["stages"]![0]!;
        Assert.Equal((2, 1, 0.5), ((int)qualify["entered"]!, (int)qualify["advanced"]!, (double)qualify["conversion"]!));
        Assert.Equal((1, 1, 0.5, 1500m), ((int)funnel["won"]!, (int)funnel["lost"]!, (double)funnel["winRate"]!, (decimal)funnel["avgDealSize"]!));
    }

    [Fact]
    public async Task GetFunnel_ManagerNamingNoTeamOrRep_SeesTheTeamTheyManage()
    {
        var (pipeline, _, manager, _, _) = await SetUpAsync();

        var funnel = await JsonAsync(await host.As(manager).GetAsync($"/api/metrics/funnel?pipelineId={pipeline}"));

        // The manager owns no lead; their team's rep won one and lost one.
        Assert.Equal((2, 1, 1), ((int)funnel["stages"]![0]!["entered"]!, (int)funnel["won"]!, (int)funnel["lost"]!));
    }

    [Fact]
    public async Task GetForecast_AfterAWinAndALoss_AddsTheHistoricalStageToWinRatesAndTheForecastByThem()
    {
        var (pipeline, team, manager, _, _) = await SetUpAsync();

        var forecast = await JsonAsync(await host.As(manager).GetAsync($"/api/metrics/forecast?pipelineId={pipeline}&teamId={team}"));

        // The won lead passed qualify and close; the lost one only qualify.
        var rates = forecast["stageWinRates"]!.AsArray();
        Assert.Equal(
            [("qualify", 2, 1, 0.5, "history"), ("close", 1, 1, 1.0, "history")],
            rates.Select(r => ((string)r!["id"]!, (int)r["closed"]!, (int)r["won"]!, (double)r["winRate"]!, (string)r["basis"]!)));
        Assert.Equal((0m, 0m), ((decimal)forecast["historicalForecast"]!, (decimal)forecast["historicalOpenNow"]!)); // nothing left open
        Assert.Equal(1500m, (decimal)forecast["actual"]!); // the existing fields are unchanged
    }

    [Fact]
    public async Task GetMetrics_RepWithNoClosedLeads_ReturnsNoNaNAndLeavesRatesOut()
    {
        var (pipeline, _, _, _, other) = await SetUpAsync();

        foreach (var route in new[] { "funnel", "adoption", "deal-size", "forecast", "coaching" })
        {
            using var response = await host.As(other).GetAsync($"/api/metrics/{route}?pipelineId={pipeline}");
            var body = await response.ShouldBeAsync(HttpStatusCode.OK);
            Assert.DoesNotContain("NaN", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", body, StringComparison.Ordinal);
        }

        var funnel = await JsonAsync(await host.As(other).GetAsync($"/api/metrics/funnel?pipelineId={pipeline}"));
        Assert.Null(funnel["winRate"]);
        Assert.Equal(0, (int)funnel["won"]!);
    }

    [Fact]
    public async Task GetFunnel_BadFilters_Returns400ListingEveryProblem()
    {
        var (pipeline, _, manager, _, _) = await SetUpAsync();

        using var response = await host.As(manager).GetAsync($"/api/metrics/funnel?pipelineId=nope-{pipeline}&from=2026-13-01&to=yesterday&teamId=bad!&stuckDays=-3");

        var paths = (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path).ToList();
        Assert.All(new[] { "pipelineId", "from", "to", "teamId", "stuckDays" }, path => Assert.Contains(path, paths));
    }

    [Fact]
    public async Task GetFunnel_FromAfterTo_Returns400()
    {
        var (pipeline, _, _, _, _) = await SetUpAsync();

        using var response = await Admin.GetAsync($"/api/metrics/funnel?pipelineId={pipeline}&from=2026-12-01&to=2026-11-01");

        Assert.Equal(["to"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task GetMetrics_RepAskingForTeamOrAnotherRep_Returns403()
    {
        var (pipeline, team, _, rep, other) = await SetUpAsync();

        await (await host.As(rep).GetAsync($"/api/metrics/funnel?pipelineId={pipeline}&teamId={team}")).ReadErrorsAsync(HttpStatusCode.Forbidden);
        await (await host.As(other).GetAsync($"/api/metrics/coaching?pipelineId={pipeline}&repId={rep}")).ReadErrorsAsync(HttpStatusCode.Forbidden);
        await (await host.As(rep).GetAsync($"/api/metrics/funnel?pipelineId={pipeline}&repId={rep}")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetDealSize_ByUnknownKey_Returns400()
    {
        var (pipeline, _, _, _, _) = await SetUpAsync();

        using var response = await Admin.GetAsync($"/api/metrics/deal-size?pipelineId={pipeline}&by=color");

        Assert.Equal(["by"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task GetDealSize_ByRep_ReturnsWonAndAverage()
    {
        var (pipeline, _, _, rep, _) = await SetUpAsync();

        var rows = (await JsonAsync(await Admin.GetAsync($"/api/metrics/deal-size?pipelineId={pipeline}&by=rep"))).AsArray();

        var row = Assert.Single(rows)!;
        Assert.Equal((rep, 1, 1500m), ((string)row["key"]!, (int)row["won"]!, (decimal)row["avgDealSize"]!));
    }

    [Fact]
    public async Task GetCoaching_AsManager_ComparesTheRepWithTheTeam()
    {
        var (pipeline, _, manager, rep, _) = await SetUpAsync();

        var coaching = await JsonAsync(await host.As(manager).GetAsync($"/api/metrics/coaching?pipelineId={pipeline}&repId={rep}"));

        Assert.Equal(rep, (string)coaching["repId"]!);
        Assert.Equal(0.5, (double)coaching["stages"]![0]!["repConversion"]!);
        Assert.Equal(0, (int)coaching["kudos"]!);
    }
}
