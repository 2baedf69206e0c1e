namespace SalesCoach.Pipelines;

/// <summary>Which new leads a pipeline takes; an empty or missing list matches anything.</summary>
[GenerateSerializer, Immutable]
public sealed record PipelineCriteria
{
    [Id(0)] public List<string>? Products { get; init; }
    [Id(1)] public List<string>? Territories { get; init; }
    [Id(2)] public List<string>? Sources { get; init; }
    [Id(3)] public decimal? ValueAtLeast { get; init; }
    [Id(4)] public decimal? ValueBelow { get; init; }
}
