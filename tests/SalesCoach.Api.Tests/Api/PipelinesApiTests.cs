using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Contract;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Api;

/// <summary><c>/api/pipelines</c> (API.md "Pipelines").</summary>
[Collection(HostCollection.Name)]
public sealed class PipelinesApiTests(SalesCoachHostFixture host)
{
    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    [Fact]
    public async Task Put_JsonPipeline_Returns200WithIdAndVersion1()
    {
        var pipeline = PipelineBuilder.Sales();

        var saved = await (await Admin.PutPipelineAsync(pipeline.Id, pipeline.Build())).ReadAsync<PipelineSavedDto>();

        Assert.Equal(new PipelineSavedDto(pipeline.Id, 1), saved);
    }

    [Fact]
    public async Task Put_YamlPipeline_Returns200AndIsStoredAsWritten()
    {
        var id = UniqueId.New("yaml");

        var saved = await (await Admin.PutPipelineYamlAsync(id, Yaml(id))).ReadAsync<PipelineSavedDto>();

        Assert.Equal(new PipelineSavedDto(id, 1), saved);
        var stored = JsonNode.Parse(await (await Admin.GetAsync($"/api/pipelines/{id}")).ShouldBeAsync(HttpStatusCode.OK))!;
        Assert.Equal("YAML pipeline", (string?)stored["name"]);
        Assert.Equal(["qualify", "close"], stored["stages"]!.AsArray().Select(s => (string?)s!["id"]));
        Assert.Equal("value", (string?)stored["stages"]![0]!["goal"]!["fieldSet"]);
        Assert.Equal("P1D", (string?)stored["stages"]![0]!["tasks"]![0]!["dueAfter"]);
        Assert.Equal("team:nordics", (string?)stored["stages"]![0]!["tasks"]![1]!["assignee"]);
    }

    [Fact]
    public async Task Put_DifferentDefinition_IncrementsVersion()
    {
        var pipeline = PipelineBuilder.Sales();
        await Admin.SavePipelineAsync(pipeline);

        var second = await Admin.SavePipelineAsync(pipeline.Named("Renamed"));
        var third = await Admin.SavePipelineAsync(pipeline.Stage("extra", null));

        Assert.Equal(2, second);
        Assert.Equal(3, third);
    }

    [Fact]
    public async Task Put_SameDefinitionAgain_KeepsVersion()
    {
        var pipeline = PipelineBuilder.Sales();
        await Admin.SavePipelineAsync(pipeline.Named("Changed once"));
        await Admin.SavePipelineAsync(pipeline.Named("Changed twice"));

        var again = await Admin.SavePipelineAsync(pipeline);

        Assert.Equal(2, again);
    }

    [Fact]
    public async Task Put_SameDefinitionAsJsonAfterYaml_KeepsVersion()
    {
        var id = UniqueId.New("yaml");
        await (await Admin.PutPipelineYamlAsync(id, Yaml(id))).ShouldBeAsync(HttpStatusCode.OK);

        var asJson = await (await Admin.PutPipelineAsync(id, new
        {
            id,
            name = "YAML pipeline",
            criteria = new { products = new[] { id } },
            stages = new object[]
            {
                new
                {
                    id = "qualify", name = "Qualify", probability = 0.1, goal = new { fieldSet = "value" },
                    tasks = new object[]
                    {
                        new { id = "call", title = "Call them", dueAfter = "P1D" },
                        new { id = "research", title = "Research", dueAfter = "PT4H", assignee = "team:nordics" },
                    },
                },
                new { id = "close", name = "Close" },
            },
        })).ReadAsync<PipelineSavedDto>();

        Assert.Equal(1, asJson.Version);
    }

    [Fact]
    public async Task Get_SavedPipeline_ReturnsDefinitionWithVersion()
    {
        var pipeline = PipelineBuilder.Sales();
        await Admin.SavePipelineAsync(pipeline);
        await Admin.SavePipelineAsync(pipeline.Named("Second version"));

        var stored = JsonNode.Parse(await (await host.As("ana").GetAsync($"/api/pipelines/{pipeline.Id}")).ShouldBeAsync(HttpStatusCode.OK))!;

        Assert.Equal(pipeline.Id, (string?)stored["id"]);
        Assert.Equal("Second version", (string?)stored["name"]);
        Assert.Equal(2, (int?)stored["version"]);
        Assert.Equal(["qualify", "meet", "propose", "close"], stored["stages"]!.AsArray().Select(s => (string?)s!["id"]));
        Assert.Equal("call", (string?)stored["stages"]![0]!["goal"]!["taskCompleted"]);
        Assert.Equal("proposal", (string?)stored["stages"]![2]!["goal"]!["any"]![0]!["activity"]!["tag"]);
    }

    [Fact]
    public async Task List_SavedPipelines_IncludesEachWithIdNameAndVersion()
    {
        var pipeline = PipelineBuilder.Sales().Named("Listed");
        await Admin.SavePipelineAsync(pipeline);
        await Admin.SavePipelineAsync(pipeline.Named("Listed again"));

        var body = await (await host.As("bo").GetAsync("/api/pipelines")).ShouldBeAsync(HttpStatusCode.OK);

        var list = ApiJson.Read<List<PipelineSummaryDto>>(body);
        Assert.Contains(new PipelineSummaryDto(pipeline.Id, "Listed again", 2), list);
        Assert.Contains(list, p => p.Id == "b2b" && p.Name == "B2B new business");
        Assert.All(JsonNode.Parse(body)!.AsArray(), entry =>
            Assert.Equal(["id", "name", "version"], entry!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Get_SamplePipeline_IsSeededWithItsStages()
    {
        var stored = JsonNode.Parse(await (await Admin.GetAsync("/api/pipelines/b2b")).ShouldBeAsync(HttpStatusCode.OK))!;

        Assert.Equal(["qualify", "meeting", "demo", "proposal", "negotiate"], stored["stages"]!.AsArray().Select(s => (string?)s!["id"]));
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("maria")]
    public async Task Put_NotAnAdmin_Returns403AndSavesNothing(string caller)
    {
        var pipeline = PipelineBuilder.Sales();

        using var response = await host.As(caller).PutPipelineAsync(pipeline.Id, pipeline.Build());

        await response.ReadErrorsAsync(HttpStatusCode.Forbidden);
        await (await Admin.GetAsync($"/api/pipelines/{pipeline.Id}")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_RepWithAdminRole_Returns200()
    {
        var repId = UniqueId.New("boss");
        await (await Admin.PutRepAsync(repId, new { name = "Boss", email = "boss@contoso.example", roles = new[] { "admin" } }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var pipeline = PipelineBuilder.Sales();

        using var response = await host.As(repId).PutPipelineAsync(pipeline.Id, pipeline.Build());

        Assert.Equal(1, (await response.ReadAsync<PipelineSavedDto>()).Version);
    }

    [Fact]
    public async Task Put_NoCaller_Returns401()
    {
        var pipeline = PipelineBuilder.Sales();

        using var response = await host.Anonymous().PutPipelineAsync(pipeline.Id, pipeline.Build());

        await response.ReadErrorsAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Put_InvalidPipeline_Returns400ListingEveryProblemWithItsPath()
    {
        var id = UniqueId.New("bad");
        var body = new
        {
            id,
            stages = new object[]
            {
                new
                {
                    id = "qualify", name = "Qualify", probability = 2,
                    goal = new { taskCompleted = "nope" },
                    tasks = new object[] { new { id = "call", title = "Call", dueAfter = "two days", assignee = "boss" } },
                },
                new { id = "qualify", name = "", goal = new { } },
            },
            assignment = new object[] { new { to = new { }, strategy = "random" } },
        };

        using var response = await Admin.PutPipelineAsync(id, body);

        var paths = (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path).ToList();
        string[] expected =
        [
            "name", "stages[0].probability", "stages[0].tasks[0].dueAfter", "stages[0].tasks[0].assignee",
            "stages[0].goal.taskCompleted", "stages[1].id", "stages[1].name", "stages[1].goal",
            "assignment[0].to", "assignment[0].strategy",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        await (await Admin.GetAsync($"/api/pipelines/{id}")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_InvalidYaml_Returns400ListingEveryProblemWithItsPath()
    {
        var id = UniqueId.New("bad");
        var yaml = $$"""
            id: {{id}}
            name: Bad YAML
            stages:
              - id: qualify
                name: Qualify
                goal:
                  activity: {type: lunch}
                tasks:
                  - {id: call, title: Call, dueAfter: soon}
            """;

        using var response = await Admin.PutPipelineYamlAsync(id, yaml);

        var paths = (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path).ToList();
        Assert.Contains("stages[0].goal.activity.type", paths);
        Assert.Contains("stages[0].tasks[0].dueAfter", paths);
    }

    [Fact]
    public async Task Put_UnknownFields_ReportsEachWithItsPath()
    {
        var pipeline = PipelineBuilder.Sales();
        var body = pipeline.Build();
        body["stages"]![1]!.AsObject().Add("gaol", new JsonObject { ["manual"] = true });
        body["stages"]![0]!["tasks"]![0]!.AsObject().Add("due", "P1D");

        using var response = await Admin.PutPipelineAsync(pipeline.Id, body);

        var problems = await response.ReadErrorsAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problems, p => p.Path == "stages[1].gaol" && p.Message.Contains("unknown", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Path == "stages[0].tasks[0].due");
    }

    [Theory]
    [InlineData("stages[0].tasks", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": [{"id": "a", "name": "A", "tasks": null}, {"id": "b", "name": "B"}]}""")]
    [InlineData("assignment", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": [{"id": "a", "name": "A"}], "assignment": null}""")]
    [InlineData("praise", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": [{"id": "a", "name": "A"}], "praise": null}""")]
    [InlineData("stages[0].lists.subscribe", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": [{"id": "a", "name": "A", "lists": {"subscribe": null, "unsubscribe": null}}]}""")]
    public async Task Put_NullForAnOptionalList_IsReadAsEmpty(string list, string json)
    {
        var id = UniqueId.New("nulls");

        using var response = await Admin.PutPipelineAsync(id, json.Replace("{id}", id, StringComparison.Ordinal));

        Assert.Equal(1, (await response.ReadAsync<PipelineSavedDto>()).Version);
        var stored = JsonNode.Parse(await (await Admin.GetAsync($"/api/pipelines/{id}")).ShouldBeAsync(HttpStatusCode.OK));
        Assert.Empty(At(stored, list)?.AsArray() ?? []);
    }

    [Fact]
    public async Task Put_YamlWithEmptyTasksAndPraiseKeys_IsReadAsNoTasksAndNoPraise()
    {
        var id = UniqueId.New("nulls");
        var yaml = $"""
            id: {id}
            name: Empty keys
            criteria: {"{"}products: [{id}]{"}"}
            stages:
              - id: meet
                name: Meeting
                tasks:
              - id: close
                name: Close
            praise:
            """;

        using var response = await Admin.PutPipelineYamlAsync(id, yaml);

        Assert.Equal(1, (await response.ReadAsync<PipelineSavedDto>()).Version);
        var lead = await host.As("ana").NewLeadAsync(new { name = "On an empty-keys pipeline", pipelineId = id });
        Assert.Equal("meet", lead.Stage.Id);
        Assert.Empty(lead.Tasks);
    }

    [Theory]
    [InlineData("stages", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": null}""")]
    [InlineData("stages[0]", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": [null]}""")]
    [InlineData("stages[0].tasks[0]", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": [{"id": "a", "name": "A", "tasks": [null]}]}""")]
    [InlineData("stages[0].goal.all[0]", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": [{"id": "a", "name": "A", "goal": {"all": [null]}}]}""")]
    [InlineData("assignment[0].to", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": [{"id": "a", "name": "A"}], "assignment": [{"to": null}]}""")]
    [InlineData("praise[0].when", """{"id": "{id}", "name": "N", "criteria": {"products": ["{id}"]}, "stages": [{"id": "a", "name": "A"}], "praise": [{"when": null, "message": "m"}]}""")]
    public async Task Put_NullWhereAValueIsRequired_Returns400OnItsPath(string path, string json)
    {
        var id = UniqueId.New("nulls");

        using var response = await Admin.PutPipelineAsync(id, json.Replace("{id}", id, StringComparison.Ordinal));

        Assert.Contains(path, (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task Put_JsonWithADuplicateKey_Returns400()
    {
        var id = UniqueId.New("dup");

        using var response = await Admin.PutPipelineAsync(id, $$"""{"id": "{{id}}", "name": "N", "name": "M", "stages": [{"id": "a", "name": "A"}]}""");

        await response.ReadErrorsAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_YamlWithADuplicateKey_Returns400()
    {
        var id = UniqueId.New("dup");

        using var response = await Admin.PutPipelineYamlAsync(id, $"id: {id}\nname: N\nname: M\nstages: [{{id: a, name: A}}]\n");

        await response.ReadErrorsAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_YamlWithAKeyThatIsNotAScalar_Returns400()
    {
        var id = UniqueId.New("key");

        using var response = await Admin.PutPipelineYamlAsync(id, $"id: {id}\nname: N\n? [a, b]\n: c\nstages: [{{id: a, name: A}}]\n");

        await response.ReadErrorsAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_DueAfterTooLongForADuration_Returns400OnDueAfter()
    {
        var pipeline = PipelineBuilder.New().Stage("a", null, PipelineBuilder.Task("t", "P99999999D"));

        using var response = await Admin.PutPipelineAsync(pipeline.Id, pipeline.Build());

        Assert.Contains("stages[0].tasks[0].dueAfter", (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task Put_YamlSyntaxError_Returns400()
    {
        var id = UniqueId.New("bad");

        using var response = await Admin.PutPipelineYamlAsync(id, "id: x\nstages: [unclosed\n");

        await response.ReadErrorsAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_BodyIdDiffersFromAddress_Returns400OnId()
    {
        var pipeline = PipelineBuilder.Sales();

        using var response = await Admin.PutPipelineAsync(UniqueId.New("other"), pipeline.Build());

        Assert.Contains("id", (await response.ReadErrorsAsync(HttpStatusCode.BadRequest)).Select(p => p.Path));
    }

    [Fact]
    public async Task Get_UnknownPipeline_Returns404()
    {
        using var response = await Admin.GetAsync($"/api/pipelines/{UniqueId.New("missing")}");

        await response.ReadErrorsAsync(HttpStatusCode.NotFound);
    }

    /// <summary>The node at a path such as <c>stages[0].lists.subscribe</c>, or null.</summary>
    private static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var name = part.Split('[')[0];
            node = node?[name];
            if (part.Contains('[', StringComparison.Ordinal))
            {
                node = node?[int.Parse(part[(part.IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)];
            }
        }

        return node;
    }

    private static string Yaml(string id) => $$"""
        # A pipeline as a manager writes it.
        id: {{id}}
        name: YAML pipeline
        criteria: {products: [{{id}}]}
        stages:
          - id: qualify
            name: Qualify
            probability: 0.1
            goal: {fieldSet: value}
            tasks:
              - {id: call, title: Call them, dueAfter: P1D}
              - {id: research, title: Research, dueAfter: PT4H, assignee: "team:nordics"}
          - id: close
            name: Close
        """;
}
