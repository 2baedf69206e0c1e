namespace SalesCoach.Bot.Cards;

/// <summary>What the coaching card can be redrawn with: the rep, the period and the pipeline, and the choices offered.</summary>
/// <param name="RepId">The rep shown (preselected in the rep chooser; never put in action data).</param>
/// <param name="Reps">Reps the viewer may coach (id, name).</param>
/// <param name="Period">One of <see cref="FunnelPeriods"/>.</param>
/// <param name="PipelineId">The pipeline shown.</param>
/// <param name="PipelineName">Its name, shown on the card.</param>
/// <param name="Pipelines">Pipelines to switch to (id, name); a chooser only when more than one.</param>
public sealed record CoachingFilters(
    string RepId,
    IReadOnlyList<(string Id, string Name)> Reps,
    string? Period,
    string PipelineId,
    string PipelineName,
    IReadOnlyList<(string Id, string Name)> Pipelines);
