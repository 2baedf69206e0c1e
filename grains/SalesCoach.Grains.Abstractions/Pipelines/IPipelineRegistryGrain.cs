using SalesCoach.Leads;

namespace SalesCoach.Pipelines;

/// <summary>All pipelines in the order they were first saved; routes new leads by criteria. Key = <see cref="DefaultKey"/>.</summary>
[Alias("SalesCoach.Pipelines.IPipelineRegistryGrain")]
public interface IPipelineRegistryGrain : IGrainWithStringKey
{
    /// <summary>The one registry of a deployment.</summary>
    const string DefaultKey = "default";

    /// <summary>Adds or refreshes a pipeline's summary (keeps its place in the routing order).</summary>
    [Alias("Register")]
    Task RegisterAsync(PipelineSummary summary);

    /// <summary>Every pipeline, in routing order.</summary>
    [Alias("List")]
    Task<IReadOnlyList<PipelineSummary>> ListAsync();

    /// <summary>The id of the first pipeline whose criteria match the lead, or null.</summary>
    [Alias("Route")]
    Task<string?> RouteAsync(LeadFacts facts);
}
