using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SalesCoach.Common;
using SalesCoach.Leads;
using SalesCoach.Pipelines;

// Short runs in-process: `dotnet run -c Release --project bench/SalesCoach.Bench.Micro -- --filter '*'`
// (the InProcess toolchain avoids generating and building a separate project per benchmark).
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(RuleBenchmarks).Assembly).Run(args, config);

/// <summary>The rules every lead command runs: goal evaluation, entering a stage, reading a pipeline.</summary>
[MemoryDiagnoser]
public class RuleBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private string yaml = "";
    private PipelineDefinition pipeline = new();
    private GoalDefinition nested = new();
    private GoalContext context = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("b2b-pipeline.yaml")!;
        using var reader = new StreamReader(stream);
        yaml = reader.ReadToEnd();
        pipeline = PipelineReader.ReadYaml(yaml).Pipeline ?? throw new InvalidOperationException("the sample pipeline does not read");

        // all: [taskCompleted, any: [activity email/out/proposal, manual], fieldSet value, allTasksCompleted] — met, so every branch runs.
        nested = new GoalDefinition
        {
            All =
            [
                new GoalDefinition { TaskCompleted = "draft" },
                new GoalDefinition
                {
                    Any =
                    [
                        new GoalDefinition { Manual = true },
                        new GoalDefinition { Activity = new ActivityGoal { Type = "email", Direction = "out", Tag = "proposal" } },
                    ],
                },
                new GoalDefinition { FieldSet = "value" },
                new GoalDefinition { AllTasksCompleted = true },
            ],
        };
        var tasks = Enumerable.Range(0, 5).Select(i => new TaskInstance
        {
            Id = i == 0 ? "draft" : $"t{i}", StageId = "proposal", Title = "t", Status = LeadTaskStatus.Done, DueAt = Now, AssigneeId = "ana",
        }).ToList();
        var activities = Enumerable.Range(0, 5).Select(i => new ActivityView
        {
            Id = $"a{i}", Type = i == 4 ? "email" : "call", Direction = "out", Tags = i == 4 ? ["proposal"] : [], At = Now, StageId = "proposal", LoggedBy = "ana",
        }).ToList();
        context = new GoalContext(tasks, activities, new LeadFacts { Name = "Acme", Value = 12_000 }, ManualConfirmed: false);
    }

    /// <summary>Baseline: the least any goal check does — one pass over the stay's tasks and activities.</summary>
    [Benchmark(Baseline = true)]
    public bool Baseline_ScanTasksAndActivities() =>
        context.Tasks.Any(t => t.Id == "draft" && t.Status == LeadTaskStatus.Done) && context.Activities.Any(a => a.Type == "email" && a.Tags.Contains("proposal"));

    [Benchmark]
    public bool GoalEvaluator_IsMet_Nested() => GoalEvaluator.IsMet(nested, context);

    /// <summary>Enters the sample pipeline's "proposal" stage (two tasks with due dates); its goal is not met, so it stays.</summary>
    [Benchmark]
    public async Task<int> StageMachine_EnterStageWithTasks()
    {
        var lead = new LeadState { Exists = true, OwnerId = "ana", PipelineId = pipeline.Id, Facts = new LeadFacts { Name = "Acme" } };
        var machine = new StageMachine(pipeline, lead, Now);
        await machine.EnterAsync(3, static _ => ValueTask.FromResult<string?>(null));
        return machine.CreatedTasks.Count;
    }

}

/// <summary>Reading the sample pipeline, against parsing the same YAML text alone (YamlDotNet's representation model).</summary>
[MemoryDiagnoser]
public class PipelineReadBenchmarks
{
    private string yaml = "";

    [GlobalSetup]
    public void Setup()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("b2b-pipeline.yaml")!;
        using var reader = new StreamReader(stream);
        yaml = reader.ReadToEnd();
    }

    [Benchmark(Baseline = true)]
    public int Baseline_YamlDotNet_Parse()
    {
        var parsed = new YamlDotNet.RepresentationModel.YamlStream();
        parsed.Load(new StringReader(yaml));
        return parsed.Documents.Count;
    }

    [Benchmark]
    public PipelineDefinition? PipelineReader_ReadYaml_Sample() => PipelineReader.ReadYaml(yaml).Pipeline;
}
