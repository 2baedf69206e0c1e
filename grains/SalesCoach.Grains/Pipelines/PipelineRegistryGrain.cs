using SalesCoach.Common;
using SalesCoach.Leads;

namespace SalesCoach.Pipelines;

/// <summary>Lists pipelines and routes each new lead to the first one whose criteria match.</summary>
public sealed class PipelineRegistryGrain(
    [PersistentState("registry", StorageNames.Pipelines)] IPersistentState<PipelineRegistryState> state)
    : Grain, IPipelineRegistryGrain
{
    public async Task RegisterAsync(PipelineSummary summary)
    {
        var pipelines = state.State.Pipelines;
        var index = pipelines.FindIndex(p => p.Id == summary.Id);
        if (index >= 0 && pipelines[index] == summary)
        {
            return;
        }

        if (index >= 0)
        {
            pipelines[index] = summary;
        }
        else
        {
            pipelines.Add(summary);
        }

        await state.WriteOrReloadAsync();
    }

    public Task<IReadOnlyList<PipelineSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<PipelineSummary>>([.. state.State.Pipelines]);

    public Task<string?> RouteAsync(LeadFacts facts) =>
        Task.FromResult(state.State.Pipelines.FirstOrDefault(p => CriteriaMatcher.Matches(p.Criteria, facts))?.Id);
}
