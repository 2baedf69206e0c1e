namespace SalesCoach.Pipelines;

/// <summary>Pipeline summaries in routing order (the order they were first saved).</summary>
[GenerateSerializer]
public sealed class PipelineRegistryState
{
    [Id(0)] public List<PipelineSummary> Pipelines { get; set; } = [];
}
