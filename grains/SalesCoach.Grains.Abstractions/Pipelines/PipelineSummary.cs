namespace SalesCoach.Pipelines;

/// <summary>A pipeline as listed by <c>GET /api/pipelines</c> and kept by the registry for routing.</summary>
[GenerateSerializer, Immutable]
public sealed record PipelineSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Version,
    [property: Id(3)] PipelineCriteria? Criteria);
