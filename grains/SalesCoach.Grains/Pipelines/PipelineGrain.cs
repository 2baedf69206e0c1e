using System.Text.Json;
using SalesCoach.Common;

namespace SalesCoach.Pipelines;

/// <summary>Stores validated versions of one pipeline and keeps the registry's summary current.</summary>
public sealed class PipelineGrain(
    [PersistentState("pipeline", StorageNames.Pipelines)] IPersistentState<PipelineState> state,
    IGrainFactory grains) : Grain, IPipelineGrain
{
    public async Task<Outcome<PipelineSaved>> SaveAsync(PipelineDefinition definition, Actor actor)
    {
        if (!actor.IsAdmin)
        {
            return Outcome<PipelineSaved>.Forbidden("only an administrator may change a pipeline");
        }

        var id = this.GetPrimaryKeyString();
        definition = definition with { Id = string.IsNullOrEmpty(definition.Id) ? id : definition.Id, Version = 0 };
        var problems = PipelineValidator.Validate(definition).ToList();
        if (definition.Id != id)
        {
            problems.Insert(0, new Problem("id", $"'{definition.Id}' differs from the id in the address '{id}'"));
        }

        if (problems.Count > 0)
        {
            return Outcome<PipelineSaved>.Invalid(problems);
        }

        var latest = state.State.Versions.LastOrDefault();
        if (latest is not null && SameContent(latest, definition))
        {
            // Saving the same definition again is not a change: no new version. Registered again all the same
            // (a no-op when current): it is how a retry repairs a save whose registration failed.
            await RegisterAsync(latest);
            return Outcome<PipelineSaved>.Ok(new PipelineSaved(id, latest.Version));
        }

        var saved = definition with { Version = (latest?.Version ?? 0) + 1 };
        state.State.Versions.Add(saved);
        await state.WriteOrReloadAsync();
        await RegisterAsync(saved);
        return Outcome<PipelineSaved>.Ok(new PipelineSaved(id, saved.Version));
    }

    private Task RegisterAsync(PipelineDefinition version) =>
        grains.GetGrain<IPipelineRegistryGrain>(IPipelineRegistryGrain.DefaultKey)
            .RegisterAsync(new PipelineSummary(version.Id, version.Name, version.Version, version.Criteria));

    public Task<PipelineDefinition?> GetAsync(int? version = null)
    {
        var versions = state.State.Versions;
        var found = version is null ? versions.LastOrDefault() : versions.Find(v => v.Version == version);
        return Task.FromResult(found);
    }

    private static bool SameContent(PipelineDefinition a, PipelineDefinition b) =>
        JsonSerializer.Serialize(a with { Version = 0 }, SalesCoachJson.Options)
        == JsonSerializer.Serialize(b with { Version = 0 }, SalesCoachJson.Options);
}
