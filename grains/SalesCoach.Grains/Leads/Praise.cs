using System.Runtime.CompilerServices;
using SalesCoach.Analytics;
using SalesCoach.Pipelines;
using SalesCoach.Reps;

namespace SalesCoach.Leads;

/// <summary>
/// The pipeline's <c>praise[]</c> rules plus defaults for each kind it leaves out: a won deal; a lead
/// worth at least <see cref="LargeLead"/> leaving the <c>ask</c> stage forward; <see cref="DefaultStreak"/>
/// tasks on time in a row. Each milestone has a stable notification id, so it is praised once.
/// </summary>
public static class Praise
{
    public const decimal LargeLead = 50_000m;
    public const int DefaultStreak = 10;

    // A saved pipeline version never changes and the leads of a silo share its instance, so its rules are
    // worked out once per version rather than twice per lead command.
    private static readonly ConditionalWeakTable<PipelineDefinition, InForce> ByPipeline = [];

    /// <summary>The rules in force: the pipeline's, then a default for each kind it does not define.</summary>
    public static IReadOnlyList<PraiseRule> Rules(PipelineDefinition pipeline) => Of(pipeline).Rules;

    /// <summary>The streak milestone for the agendas.</summary>
    public static StreakRule? Streak(PipelineDefinition pipeline) => Of(pipeline).Streak;

    private static InForce Of(PipelineDefinition pipeline) =>
        ByPipeline.GetValue(pipeline, static p =>
        {
            var rules = BuildRules(p);
            var streak = rules.FirstOrDefault(r => r.When.OnTimeStreak is > 0) is { } rule
                ? new StreakRule(rule.When.OnTimeStreak!.Value, rule.Message ?? "{streak} tasks on time in a row!")
                : null;
            return new InForce(rules, streak);
        });

    private static IReadOnlyList<PraiseRule> BuildRules(PipelineDefinition pipeline)
    {
        var rules = new List<PraiseRule>(pipeline.Praise);
        if (!rules.Exists(r => r.When.Won == true))
        {
            rules.Add(new PraiseRule { When = new PraiseCondition { Won = true }, Message = "You won **{lead}**. Well done, {rep}!" });
        }

        if (!rules.Exists(r => r.When.StageExited is not null) && pipeline.Stages.Find(s => s.Ask) is { } ask)
        {
            rules.Add(new PraiseRule
            {
                When = new PraiseCondition { StageExited = ask.Id, ValueAtLeast = LargeLead },
                Message = $"**{{lead}}** got past {ask.Name}: a big one moving on. Nice work, {{rep}}!",
            });
        }

        if (!rules.Exists(r => r.When.OnTimeStreak is not null))
        {
            rules.Add(new PraiseRule { When = new PraiseCondition { OnTimeStreak = DefaultStreak }, Message = "{streak} tasks on time in a row, {rep}. Keep it up!" });
        }

        return rules;
    }

    /// <summary>Praise earned by a command's events on one lead, for its owner.</summary>
    public static IEnumerable<Notification> ForLead(
        PipelineDefinition pipeline, string leadId, LeadState lead, IReadOnlyList<LeadEvent> events, string repName, DateTimeOffset now)
    {
        var rules = Rules(pipeline);
        for (var i = 0; i < rules.Count; i++)
        {
            var when = rules[i].When;
            if (when.Won == true && events.Any(e => e.Kind == LeadEventKind.Won))
            {
                yield return Note($"praise:won:{leadId}", $"You won {lead.Facts.Name}!", Message(i));
            }
            else if (when.StageExited is { } stageId
                && (lead.Facts.Value ?? 0) >= (when.ValueAtLeast ?? 0)
                && events.Any(e => e.Kind == LeadEventKind.StageExited && e.StageId == stageId && e.Forward))
            {
                yield return Note($"praise:exit:{leadId}/{stageId}/{i}", $"{lead.Facts.Name} moved on", Message(i));
            }
        }

        string Message(int rule) => Fill(rules[rule].Message ?? "Well done!", lead.Facts.Name, repName);

        Notification Note(string id, string title, string text) => new()
        {
            Id = id,
            RepId = lead.OwnerId,
            Kind = NotificationKind.Praise,
            Title = title,
            Text = text,
            LeadId = leadId,
            LeadName = lead.Facts.Name,
            CreatedAt = now,
        };
    }

    public static string Fill(string message, string? lead, string rep, int? streak = null) =>
        message.Replace("{lead}", lead ?? "", StringComparison.Ordinal)
            .Replace("{rep}", rep, StringComparison.Ordinal)
            .Replace("{streak}", streak?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);

    private sealed record InForce(IReadOnlyList<PraiseRule> Rules, StreakRule? Streak);
}
