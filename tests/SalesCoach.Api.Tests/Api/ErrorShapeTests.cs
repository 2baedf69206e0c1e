using System.Net;
using System.Text;
using SalesCoach.Api.Tests.Contract;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Api;

/// <summary>
/// API.md "Errors": every failure answers <c>{"errors":[{"path","message"}]}</c> with the right
/// status, bodies over the limit are 413 (64 KB for commands, 512 KB for pipelines), and nothing is
/// half-written on any error.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ErrorShapeTests(SalesCoachHostFixture host)
{
    private const int KB = 1024;

    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    private HttpClient Ana => host.As("ana");

    [Theory]
    [InlineData("{\"name\": \"Acme\",")]
    [InlineData("{name: 'Acme'}")]
    [InlineData("not json at all")]
    public async Task Create_MalformedJson_Returns400InTheErrorShape(string body)
    {
        using var response = await Ana.PostAsync("/api/leads", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ReadErrorsAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_FieldOfTheWrongType_Returns400WithItsPath()
    {
        using var response = await Ana.PostAsync("/api/leads", ApiJson.Content("""{"name": "Acme", "value": "lots"}"""));

        Assert.Equal(["value"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public async Task Create_BlankBody_Returns400SayingABodyIsRequired(string body)
    {
        using var response = await Ana.PostAsync("/api/leads", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal("a JSON body is required", Assert.Single(await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Message);
    }

    [Fact]
    public async Task Create_JsonNull_Returns400()
    {
        using var response = await Ana.PostAsync("/api/leads", ApiJson.Content("null"));

        await response.ReadErrorsAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_NullAmongEmails_Returns400OnThatEmail()
    {
        var pipeline = PipelineBuilder.Sales();
        await Admin.SavePipelineAsync(pipeline);
        var id = UniqueId.New("lead");

        using var response = await Ana.PostAsync("/api/leads", ApiJson.Content($$"""{"id": "{{id}}", "name": "Acme", "emails": [null], "pipelineId": "{{pipeline.Id}}"}"""));

        Assert.Equal(["emails[0]"], (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
        await (await Admin.GetLeadAsync(id)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LogActivity_NullTags_IsReadAsNoTagsNotAServerError()
    {
        var lead = await NewLeadAsync();

        using var response = await Ana.LogActivityAsync(lead.Id, """{"type": "note", "tags": null}""");

        Assert.Empty((await response.ReadAsync<LeadDto>()).Activities[0].Tags);
    }

    [Fact]
    public async Task Create_CommandBodyOver64KB_Returns413InTheErrorShape()
    {
        var id = UniqueId.New("lead");

        using var response = await Ana.CreateLeadAsync(new { id, name = new string('x', 65 * KB) });

        await response.ReadErrorsAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await Admin.GetLeadAsync(id)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LogActivity_ChunkedBodyOver64KB_Returns413AndLogsNothing()
    {
        var lead = await NewLeadAsync();
        var body = Encoding.UTF8.GetBytes(ApiJsonText(new { type = "note", subject = "s", tags = Enumerable.Repeat("tag", 20 * KB) }));
        using var content = new UnsizedContent(body, "application/json");

        using var response = await Ana.PostAsync($"/api/leads/{lead.Id}/activities", content);

        Assert.Null(response.RequestMessage?.Content?.Headers.ContentLength);
        await response.ReadErrorsAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await Ana.LeadAsync(lead.Id)).Activities);
    }

    [Fact]
    public async Task LogActivity_ChunkedBodyJustUnder64KB_IsReadWhole()
    {
        // No Content-Length: the body is read in pieces into a buffer that grows, up to the limit.
        var lead = await NewLeadAsync();
        var tags = Enumerable.Range(0, 5_400).Select(i => $"tag-{i:D5}").ToList();
        var body = Encoding.UTF8.GetBytes(ApiJsonText(new { type = "note", subject = "s", tags }));
        Assert.InRange(body.Length, 60 * KB, 64 * KB);
        using var content = new UnsizedContent(body, "application/json");

        using var response = await Ana.PostAsync($"/api/leads/{lead.Id}/activities", content);

        Assert.Null(response.RequestMessage?.Content?.Headers.ContentLength);
        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(tags, (await Ana.LeadAsync(lead.Id)).Activities[0].Tags);
    }

    [Fact]
    public async Task Patch_BodyOver64KB_Returns413AndKeepsTheOldFacts()
    {
        var lead = await NewLeadAsync();

        using var response = await Ana.PatchLeadAsync(lead.Id, new { company = new string('x', 65 * KB) });

        await response.ReadErrorsAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(lead.Company, (await Ana.LeadAsync(lead.Id)).Company);
    }

    [Fact]
    public async Task PutPipeline_BodyOver512KB_Returns413InTheErrorShape()
    {
        var pipeline = PipelineBuilder.New().Stage("only", null, PipelineBuilder.Task("t"));
        var body = pipeline.Build();
        body["stages"]![0]!["guidance"] = new string('x', 513 * KB);

        using var response = await Admin.PutPipelineAsync(pipeline.Id, body);

        await response.ReadErrorsAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await Admin.GetAsync($"/api/pipelines/{pipeline.Id}")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutPipeline_BodyOver64KBButUnder512KB_IsAccepted()
    {
        var pipeline = PipelineBuilder.New().Stage("only", null, PipelineBuilder.Task("t"));
        var body = pipeline.Build();
        body["stages"]![0]!["guidance"] = new string('x', 200 * KB);

        using var response = await Admin.PutPipelineAsync(pipeline.Id, body);

        Assert.Equal(1, (await response.ReadAsync<PipelineSavedDto>()).Version);
    }

    [Fact]
    public async Task Patch_InvalidFacts_Returns400ListingEveryProblemAndKeepsTheOldFacts()
    {
        var lead = await NewLeadAsync();

        using var response = await Ana.PatchLeadAsync(lead.Id, new { name = "Renamed", value = -5, emails = new[] { "ok@acme.example", "bad" }, currency = "eu" });

        var paths = (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path).ToList();
        Assert.All(new[] { "value", "emails[1]", "currency" }, path => Assert.Contains(path, paths));
        var after = await Ana.LeadAsync(lead.Id);
        Assert.Equal((lead.Name, lead.Value, lead.Currency), (after.Name, after.Value, after.Currency));
        Assert.Empty(after.Emails);
        Assert.Empty(await (await Ana.FindLeadsAsync("ok@acme.example")).ReadAsync<List<LeadDto>>());
    }

    [Fact]
    public async Task Create_RejectedId_CanBeCreatedAfterwards()
    {
        var pipeline = PipelineBuilder.Sales();
        await Admin.SavePipelineAsync(pipeline);
        var id = UniqueId.New("lead");
        await (await Ana.CreateLeadAsync(new { id, name = "", pipelineId = pipeline.Id })).ReadErrorsAsync(HttpStatusCode.BadRequest);

        var lead = await Ana.NewLeadAsync(pipeline.Lead(id));

        Assert.Equal(id, lead.Id);
    }

    [Theory]
    [InlineData("get")]
    [InlineData("patch")]
    [InlineData("complete")]
    [InlineData("activity")]
    [InlineData("advance")]
    [InlineData("won")]
    [InlineData("lost")]
    public async Task Command_UnknownLead_Returns404InTheErrorShape(string command)
    {
        var id = UniqueId.New("missing");

        using var response = command switch
        {
            "get" => await Admin.GetLeadAsync(id),
            "patch" => await Admin.PatchLeadAsync(id, new { name = "x" }),
            "complete" => await Admin.CompleteTaskAsync(id, "call"),
            "activity" => await Admin.LogActivityAsync(id, new { type = "note" }),
            "advance" => await Admin.AdvanceAsync(id),
            "won" => await Admin.WonAsync(id, 10),
            _ => await Admin.LostAsync(id, "gone"),
        };

        await response.ReadErrorsAsync(HttpStatusCode.NotFound);
        await (await Admin.GetLeadAsync(id)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownRoute_UnderApi_Returns404()
    {
        using var response = await Ana.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<LeadDto> NewLeadAsync()
    {
        var pipeline = PipelineBuilder.Sales();
        await Admin.SavePipelineAsync(pipeline);
        return await Ana.NewLeadAsync(pipeline.Lead(UniqueId.New("lead")));
    }

    private static string ApiJsonText(object body) => System.Text.Json.JsonSerializer.Serialize(body, ApiJson.Options);
}
