using SalesCoach.Pipelines;

namespace SalesCoach.Grains.Tests.Pipelines;

public sealed class PipelineReaderTests
{
    private const string Json = """
        {"id": "b2b", "name": "B2B",
         "criteria": {"products": ["crm"], "valueAtLeast": 0},
         "stages": [
           {"id": "qualify", "name": "Qualify", "probability": 0.1, "goal": {"fieldSet": "value"},
            "tasks": [{"id": "call", "title": "Discovery call", "dueAfter": "P1D"}],
            "lists": {"subscribe": ["nurture"]}},
           {"id": "propose", "name": "Proposal", "ask": true,
            "goal": {"any": [{"activity": {"type": "email", "direction": "out", "tag": "proposal"}}, {"manual": true}]}}],
         "assignment": [{"when": {"territory": "EMEA", "valueAtLeast": 50000}, "to": {"reps": ["ana", "bo"]}, "strategy": "roundRobin"}]}
        """;

    private const string Yaml = """
        id: b2b
        name: B2B
        criteria: {products: [crm], valueAtLeast: 0}
        stages:
          - id: qualify
            name: Qualify
            probability: 0.1
            goal: {fieldSet: value}
            tasks:
              - {id: call, title: Discovery call, dueAfter: P1D}
            lists: {subscribe: [nurture]}
          - id: propose
            name: Proposal
            ask: true
            goal:
              any:
                - activity: {type: email, direction: out, tag: proposal}
                - manual: true
        assignment:
          - when: {territory: EMEA, valueAtLeast: 50000}
            to: {reps: [ana, bo]}
            strategy: roundRobin
        """;

    [Fact]
    public void ReadJson_ApiExample_ReadsEveryPart()
    {
        var (pipeline, problems) = PipelineReader.ReadJson(Json);
        Assert.Empty(problems);
        Assert.NotNull(pipeline);
        Assert.Equal(["qualify", "propose"], pipeline.Stages.Select(s => s.Id));
        Assert.True(pipeline.Stages[1].Ask);
        Assert.Equal("proposal", pipeline.Stages[1].Goal!.Any![0].Activity!.Tag);
        Assert.Equal(50000m, pipeline.Assignment[0].When!.ValueAtLeast);
        Assert.Equal(["nurture"], pipeline.Stages[0].Lists!.Subscribe);
    }

    [Fact]
    public void ReadYaml_SameDefinitionAsJson_ReadsTheSame()
    {
        var (fromJson, _) = PipelineReader.ReadJson(Json);
        var (fromYaml, problems) = PipelineReader.ReadYaml(Yaml);
        Assert.Empty(problems);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(fromJson, Common.SalesCoachJson.Options),
            System.Text.Json.JsonSerializer.Serialize(fromYaml, Common.SalesCoachJson.Options));
    }

    [Fact]
    public void ReadYaml_QuotedNumberLikeText_StaysText()
    {
        var (pipeline, problems) = PipelineReader.ReadYaml("""
            id: p
            name: "2024"
            stages: [{id: a, name: A}]
            """);
        Assert.Empty(problems);
        Assert.Equal("2024", pipeline!.Name);
    }

    [Fact]
    public void ReadJson_UnknownFields_AreReportedWithPaths()
    {
        var (pipeline, problems) = PipelineReader.ReadJson("""
            {"id": "p", "name": "P", "stages": [{"id": "a", "name": "A", "gaol": {"manual": true}, "tasks": [{"id": "t", "title": "T", "dueAfter": "P1D", "due": "x"}]}]}
            """);
        Assert.Null(pipeline);
        Assert.Equal(["stages[0].gaol", "stages[0].tasks[0].due"], problems.Select(p => p.Path));
    }

    [Fact]
    public void ReadJson_WrongType_ReportsThePath()
    {
        var (pipeline, problems) = PipelineReader.ReadJson("""{"id": "p", "name": "P", "stages": [{"id": "a", "name": "A", "probability": "high"}]}""");
        Assert.Null(pipeline);
        Assert.Equal("stages[0].probability", Assert.Single(problems).Path);
    }

    [Fact]
    public void ReadJson_NotJson_SaysSo() =>
        Assert.Contains("not valid JSON", Assert.Single(PipelineReader.ReadJson("{ stages: ").Problems).Message);

    [Fact]
    public void ReadYaml_NotYaml_SaysWhere() =>
        Assert.Contains("line", Assert.Single(PipelineReader.ReadYaml("id: [unclosed").Problems).Message);

    [Fact]
    public void ReadJson_ValidShapeButInvalidRules_ReturnsValidatorProblems()
    {
        var (pipeline, problems) = PipelineReader.ReadJson("""{"id": "p", "name": "P", "stages": []}""");
        Assert.Null(pipeline);
        Assert.Equal("stages", Assert.Single(problems).Path);
    }

    [Fact]
    public void ReadYaml_TheSamplePipelineTheHostSeeds_IsValid()
    {
        var (pipeline, problems) = PipelineReader.ReadYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "b2b-pipeline.yaml")));
        Assert.Empty(problems);
        Assert.Equal(["qualify", "meeting", "demo", "proposal", "negotiate"], pipeline!.Stages.Select(s => s.Id));
        Assert.Equal("proposal", Assert.Single(pipeline.Stages, s => s.Ask).Id);
        Assert.All(pipeline.Stages, s => Assert.False(string.IsNullOrWhiteSpace(s.Guidance)));
    }
}
