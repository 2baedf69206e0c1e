using SalesCoach.Common;

namespace SalesCoach.Pipelines;

/// <summary>A versioned pipeline definition; key = pipeline id.</summary>
[Alias("SalesCoach.Pipelines.IPipelineGrain")]
public interface IPipelineGrain : IGrainWithStringKey
{
    /// <summary>Validates and stores a new version; every problem is reported at once and nothing is stored on failure.</summary>
    [Alias("Save")]
    Task<Outcome<PipelineSaved>> SaveAsync(PipelineDefinition definition, Actor actor);

    /// <summary>The given version, or the newest when <paramref name="version"/> is null; null when unknown.</summary>
    [Alias("Get")]
    Task<PipelineDefinition?> GetAsync(int? version = null);
}
