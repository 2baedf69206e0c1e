namespace SalesCoach.Pipelines;

/// <summary>
/// A sales process as a manager writes it (API.md "Pipelines"). Loaded from JSON or YAML; the
/// same shape crosses grain calls and is stored, so a lead can keep the version it started with.
/// A saved version never changes, so it and every part of it are <c>[Immutable]</c>: grain calls in a
/// silo pass the pipeline grain's own instance instead of a deep copy, and thousands of active leads
/// share one definition rather than holding a copy each. Build a new definition (<c>with</c>); never
/// change a list inside one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PipelineDefinition
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    /// <summary>Set by the pipeline grain on save; ignored on input.</summary>
    [Id(2)] public int Version { get; init; }
    [Id(3)] public PipelineCriteria? Criteria { get; init; }
    [Id(4)] public List<StageDefinition> Stages { get; init; } = [];
    [Id(5)] public List<AssignmentRule> Assignment { get; init; } = [];
    [Id(6)] public List<PraiseRule> Praise { get; init; } = [];
}
