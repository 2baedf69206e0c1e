using SalesCoach.Pipelines;

namespace SalesCoach.Bot.Teams;

/// <summary>
/// Which pipeline a manager's funnel or coaching card shows: the one asked for (by id or name), else
/// the first whose assignment rules hand leads to the team or one of its reps (the team's pipeline),
/// else the first pipeline saved.
/// </summary>
public sealed class PipelineChoice(IGrainFactory grains)
{
    public async Task<IReadOnlyList<PipelineSummary>> ListAsync() =>
        await grains.GetGrain<IPipelineRegistryGrain>(IPipelineRegistryGrain.DefaultKey).ListAsync();

    /// <summary>The pipeline, or a sentence saying why none (no pipelines, or none called <paramref name="asked"/>).</summary>
    public async Task<(PipelineDefinition? Pipeline, string? Problem)> ChooseAsync(string? asked, string? teamId, IReadOnlyCollection<string> teamReps)
    {
        var pipelines = await ListAsync();
        if (pipelines.Count == 0)
        {
            return (null, "There is no pipeline yet.");
        }

        if (!string.IsNullOrWhiteSpace(asked))
        {
            return Find(pipelines, asked) is { } found
                ? (await grains.GetGrain<IPipelineGrain>(found.Id).GetAsync(), null)
                : (null, $"I know no pipeline called \"{asked.Trim()}\". Pipelines: {string.Join(", ", pipelines.Select(p => p.Name))}.");
        }

        var definitions = new List<PipelineDefinition>();
        foreach (var summary in pipelines)
        {
            if (await grains.GetGrain<IPipelineGrain>(summary.Id).GetAsync() is { } pipeline)
            {
                definitions.Add(pipeline);
            }
        }

        return (definitions.FirstOrDefault(p => teamId is not null && HandsLeadsTo(p, teamId, teamReps)) ?? definitions.FirstOrDefault(), null);
    }

    /// <summary>A pipeline by exact id, else by name (case-insensitive).</summary>
    public static PipelineSummary? Find(IReadOnlyList<PipelineSummary> pipelines, string text)
    {
        var wanted = text.Trim();
        return pipelines.FirstOrDefault(p => string.Equals(p.Id, wanted, StringComparison.OrdinalIgnoreCase))
            ?? pipelines.FirstOrDefault(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Splits <c>coach &lt;rep&gt; [pipeline]</c>: a trailing pipeline id or name, when what is left
    /// before it is not empty; else the whole text is the rep.
    /// </summary>
    public static (string Rep, string? Pipeline) SplitTrailing(string text, IReadOnlyList<PipelineSummary> pipelines)
    {
        var trimmed = text.Trim();
        foreach (var candidate in pipelines.SelectMany(p => new[] { p.Name, p.Id }).OrderByDescending(c => c.Length))
        {
            if (trimmed.Length > candidate.Length + 1 && trimmed.EndsWith(" " + candidate, StringComparison.OrdinalIgnoreCase))
            {
                return (trimmed[..^(candidate.Length + 1)].Trim(), candidate);
            }
        }

        return (trimmed, null);
    }

    private static bool HandsLeadsTo(PipelineDefinition pipeline, string teamId, IReadOnlyCollection<string> teamReps) =>
        pipeline.Assignment.Concat(pipeline.Stages.SelectMany(s => s.Assignment ?? []))
            .Any(rule => rule.To.Team == teamId || (rule.To.Reps ?? []).Any(teamReps.Contains));
}
