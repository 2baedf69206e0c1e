using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Api;

/// <summary><c>POST /api/kudos</c>: only the rep's manager or an administrator; counted in the rep's stats.</summary>
[Collection(HostCollection.Name)]
public sealed class KudosApiTests(SalesCoachHostFixture host)
{
    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, object body) =>
        client.PostAsync("/api/kudos", ApiJson.Content(body));

    private async Task<int> KudosCountAsync(string rep)
    {
        await Admin.SavePipelineAsync(PipelineBuilder.New().Stage("only", null));
        var pipelines = JsonNode.Parse(await (await Admin.GetAsync("/api/pipelines")).ShouldBeAsync(HttpStatusCode.OK))!.AsArray();
        var coaching = JsonNode.Parse(await (await Admin.GetAsync($"/api/metrics/coaching?pipelineId={(string)pipelines[0]!["id"]!}&repId={rep}"))
            .ShouldBeAsync(HttpStatusCode.OK))!;
        return (int)coaching["kudos"]!;
    }

    [Fact]
    public async Task Post_ByTheRepsManager_Returns201AndCountsOncePerOperation()
    {
        var manager = await Admin.NewRepAsync();
        var rep = await Admin.NewRepAsync(managerId: manager);

        await (await SendAsync(host.As(manager), new { to = rep, message = "Great demo!", operationId = "k1" })).ShouldBeAsync(HttpStatusCode.Created);
        await (await SendAsync(host.As(manager), new { to = rep, message = "Great demo!", operationId = "k1" })).ShouldBeAsync(HttpStatusCode.Created);

        Assert.Equal(1, await KudosCountAsync(rep));
    }

    [Fact]
    public async Task Post_ByAdmin_Returns201()
    {
        var rep = await Admin.NewRepAsync();

        await (await SendAsync(Admin, new { to = rep, message = "Thanks" })).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_ByAPeerOrTheRepThemselves_Returns403AndSendsNothing()
    {
        var manager = await Admin.NewRepAsync();
        var rep = await Admin.NewRepAsync(managerId: manager);
        var peer = await Admin.NewRepAsync(managerId: manager);

        await (await SendAsync(host.As(peer), new { to = rep, message = "Nice" })).ReadErrorsAsync(HttpStatusCode.Forbidden);
        await (await SendAsync(host.As(rep), new { to = rep, message = "Me!" })).ReadErrorsAsync(HttpStatusCode.Forbidden);

        Assert.Equal(0, await KudosCountAsync(rep));
    }

    [Fact]
    public async Task Post_BadIdAndEmptyMessage_Returns400ListingBoth()
    {
        using var response = await SendAsync(Admin, new { to = "not an id!", message = " " });

        Assert.Equal(["to", "message"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task Post_MissingFields_Returns400ListingBoth()
    {
        using var response = await SendAsync(Admin, new { });

        var paths = (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path).ToList();
        Assert.Equal(["to", "message"], paths);
    }
}
