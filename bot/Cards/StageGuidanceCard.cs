using SalesCoach.Bot.Cards.Model;
using SalesCoach.Leads;
using SalesCoach.Pipelines;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// Sent to the owner when a lead enters a stage: the manager's guidance, the goal in plain words
/// and the stage's tasks as a checklist with due dates (Complete on each open one), with Confirm
/// when the goal needs the rep's word.
/// </summary>
public static class StageGuidanceCard
{
    /// <summary>The longest guidance shown, in characters; longer guidance is cut at a paragraph or word.</summary>
    public const int MaxGuidance = 4000;

    /// <summary>The most checklist lines shown.</summary>
    public const int MaxTasks = 25;

    /// <summary>The most bytes the checklist may take.</summary>
    public const int MaxTaskBytes = 12_000;

    /// <summary>The card for <paramref name="stage"/> of <paramref name="lead"/>, with the lead's task instances of that stage.</summary>
    public static AdaptiveCard Build(LeadView lead, StageDefinition stage, CardContext context)
    {
        var inStage = lead.Status == LeadStatus.Open && lead.Stage?.Id == stage.Id;
        var guidance = GuidanceMarkdown.ToCardMarkdown(stage.Guidance ?? (lead.Stage?.Id == stage.Id ? lead.Stage.Guidance : null), MaxGuidance);
        var leadTitle = CardParts.LeadTitle(lead.Name, lead.Company);
        var goal = GoalDescriber.Describe(stage);

        var body = new List<CardElement?>
        {
            CardParts.Subtle($"New stage · {leadTitle}", spacing: null),
            CardParts.Heading($"{lead.Name} is now in {stage.Name}"),
            guidance.Length > 0 ? CardParts.Markdown(guidance) : null,
            new Container
            {
                Style = ContainerStyle.Emphasis,
                Items = [CardParts.Text("Goal", size: TextSize.Small, weight: TextWeight.Bolder), CardParts.Text(goal, spacing: Spacing.None)],
            },
            CardParts.Text("Checklist", weight: TextWeight.Bolder, spacing: Spacing.Medium),
        };
        var checklist = Checklist(lead, stage, inStage, context).ToList();
        var (shown, leftOut) = CardParts.WithinBudget(checklist, line => line, MaxTasks, MaxTaskBytes);
        body.AddRange(shown.Select(s => s.Element));
        if (leftOut > 0)
        {
            body.Add(CardParts.Subtle($"…and {CardParts.Count(leftOut, "more task")}. Type “lead {lead.Id}” for all of them.", spacing: Spacing.Small));
        }

        var actions = new List<CardAction>();
        if (inStage && GoalDescriber.NeedsConfirmation(stage))
        {
            actions.Add(CardActions.Verb(
                "Confirm stage done",
                new CardActionData { Verb = CardVerbs.ConfirmStage, Card = CardNames.StageGuidance, LeadId = lead.Id, StageId = stage.Id },
                context,
                ActionStyle.Positive));
        }

        actions.Add(CardActions.Verb("Open lead", new CardActionData { Verb = CardVerbs.OpenLead, Card = CardNames.StageGuidance, LeadId = lead.Id }, context));

        return CardParts.Card(
            body,
            fallbackText: $"{lead.Name} is now in {stage.Name}. {goal}.",
            actions,
            CardActions.Refresh(new CardActionData { Verb = CardVerbs.Refresh, Card = CardNames.StageGuidance, LeadId = lead.Id, StageId = stage.Id }, context));
    }

    private static IEnumerable<CardElement> Checklist(LeadView lead, StageDefinition stage, bool inStage, CardContext context)
    {
        var tasks = lead.Tasks.Where(t => t.StageId == stage.Id).OrderBy(t => t.DueAt).ToList();
        if (tasks.Count == 0 && stage.Tasks.Count > 0)
        {
            // The lead has no instances of this stage's tasks (yet): list what the stage will ask for.
            foreach (var definition in stage.Tasks)
            {
                var detail = IsoDuration.TryParse(definition.DueAfter, out var after)
                    ? $"Due {CardTime.Duration(after)} after the stage starts"
                    : "Due after the stage starts";
                yield return CardParts.TaskLine(definition.Title, detail, null, action: null, mark: "☐");
            }

            yield break;
        }

        if (tasks.Count == 0)
        {
            yield return CardParts.Subtle("No tasks in this stage.", spacing: null);
            yield break;
        }

        foreach (var task in tasks)
        {
            yield return task.Status switch
            {
                LeadTaskStatus.Done => CardParts.TaskLine(
                    task.Title,
                    task.DoneAt is { } at ? $"Done by {context.NameOf(task.DoneBy ?? "someone")} at {CardTime.At(at, context)}" : "Done",
                    null, action: null, mark: "✓", done: true),
                LeadTaskStatus.Skipped => CardParts.TaskLine(task.Title, "Skipped", null, action: null, mark: "–", done: true),
                _ => CardParts.TaskLine(
                    task.Title,
                    CardTime.Due(task.DueAt, context),
                    CardTime.IsOverdue(task.DueAt, context) ? TextColor.Attention : null,
                    inStage
                        ? CardActions.Verb(
                            "Complete",
                            new CardActionData { Verb = CardVerbs.CompleteTask, Card = CardNames.StageGuidance, LeadId = lead.Id, TaskId = task.Id, StageId = stage.Id },
                            context)
                        : null,
                    mark: "☐"),
            };
        }
    }
}
