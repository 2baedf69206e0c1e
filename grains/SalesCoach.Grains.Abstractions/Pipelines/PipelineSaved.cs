namespace SalesCoach.Pipelines;

/// <summary>The answer to a save: the pipeline id and its new version.</summary>
[GenerateSerializer, Immutable]
public sealed record PipelineSaved([property: Id(0)] string Id, [property: Id(1)] int Version);
