namespace SalesCoach.Pipelines;

/// <summary>Every saved version of one pipeline, oldest first; leads read the version they started with.</summary>
[GenerateSerializer]
public sealed class PipelineState
{
    [Id(0)] public List<PipelineDefinition> Versions { get; set; } = [];
}
