using System.Globalization;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Leads;
using SalesCoach.Pipelines;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// The answer to <c>lead &lt;name or id&gt;</c>: facts, stage, guidance, goal, open tasks (each
/// with Complete), the last activities, and Confirm (a manual goal) or Advance (by hand).
/// </summary>
public static class LeadCard
{
    /// <summary>How many of the latest activities are shown.</summary>
    public const int MaxActivities = 5;

    /// <summary>The longest guidance shown, in characters.</summary>
    public const int MaxGuidance = 1500;

    /// <summary>The most open tasks shown.</summary>
    public const int MaxTasks = 20;

    /// <summary>The most bytes the task lines may take.</summary>
    public const int MaxTaskBytes = 12_000;

    /// <summary>The card for a lead; with its <paramref name="pipeline"/> (the lead's version) it names the goal and the next stage.</summary>
    public static AdaptiveCard Build(LeadView lead, CardContext context, PipelineDefinition? pipeline = null)
    {
        var stages = pipeline?.Stages ?? [];
        var stageIndex = lead.Stage is { } current ? stages.FindIndex(s => s.Id == current.Id) : -1;
        var stage = stageIndex >= 0 ? stages[stageIndex] : null;
        var open = lead.Status == LeadStatus.Open;

        var body = new List<CardElement?>
        {
            CardParts.Subtle(open ? "Lead" : $"Lead · {lead.Status}", spacing: null),
            CardParts.Heading(lead.Name),
            string.IsNullOrWhiteSpace(lead.Company) ? null : CardParts.Subtle(lead.Company),
            Outcome(lead, context),
            new FactSet { Facts = Facts(lead, context) },
        };

        if (open && lead.Stage is { } inStage)
        {
            var guidance = GuidanceMarkdown.ToCardMarkdown(inStage.Guidance ?? stage?.Guidance, MaxGuidance);
            if (guidance.Length > 0)
            {
                body.Add(CardParts.Markdown(guidance, Spacing.Medium));
            }

            if (stage is not null)
            {
                body.Add(new Container
                {
                    Style = ContainerStyle.Emphasis,
                    Items = [CardParts.Text("Goal", size: TextSize.Small, weight: TextWeight.Bolder), CardParts.Text(GoalDescriber.Describe(stage), spacing: Spacing.None)],
                });
            }
        }

        var tasks = lead.Tasks.Where(t => t.Status == LeadTaskStatus.Open).OrderBy(t => t.DueAt).ToList();
        if (open)
        {
            body.Add(CardParts.Text(tasks.Count == 0 ? "No open tasks" : "Open tasks", weight: TextWeight.Bolder, spacing: Spacing.Medium));
            var (shown, leftOut) = CardParts.WithinBudget(
                tasks,
                task => CardParts.TaskLine(
                    task.Title,
                    CardTime.Due(task.DueAt, context),
                    CardTime.IsOverdue(task.DueAt, context) ? TextColor.Attention : null,
                    CardActions.Verb(
                        "Complete",
                        new CardActionData { Verb = CardVerbs.CompleteTask, Card = CardNames.Lead, LeadId = lead.Id, TaskId = task.Id },
                        context)),
                MaxTasks,
                MaxTaskBytes);
            body.AddRange(shown.Select(s => s.Element));
            if (leftOut > 0)
            {
                body.Add(CardParts.Subtle($"…and {CardParts.Count(leftOut, "more open task")}.", spacing: Spacing.Small));
            }
        }

        var activities = lead.Activities.OrderByDescending(a => a.At).Take(MaxActivities).ToList();
        if (activities.Count > 0)
        {
            body.Add(CardParts.Text("Recent activity", weight: TextWeight.Bolder, spacing: Spacing.Medium));
            body.AddRange(activities.Select(a => CardParts.Text(Activity(a, context), size: TextSize.Small, spacing: Spacing.Small)));
        }

        return CardParts.Card(
            body,
            fallbackText: lead.Stage is { } s && open ? $"{lead.Name}: {s.Name}, {CardParts.Count(tasks.Count, "open task")}." : $"{lead.Name}: {lead.Status}.",
            actions: open ? Actions(lead, stages, stageIndex, context) : null,
            refresh: CardActions.Refresh(new CardActionData { Verb = CardVerbs.Refresh, Card = CardNames.Lead, LeadId = lead.Id }, context));
    }

    private static List<CardAction> Actions(LeadView lead, List<StageDefinition> stages, int stageIndex, CardContext context)
    {
        var stageId = lead.Stage?.Id;
        if (stageIndex >= 0 && GoalDescriber.NeedsConfirmation(stages[stageIndex]))
        {
            return [CardActions.Verb(
                "Confirm stage done",
                new CardActionData { Verb = CardVerbs.ConfirmStage, Card = CardNames.Lead, LeadId = lead.Id, StageId = stageId },
                context,
                ActionStyle.Positive)];
        }

        if (stageIndex >= 0 && stageIndex == stages.Count - 1)
        {
            return []; // the last stage is left only by won or lost
        }

        var title = stageIndex >= 0 ? $"Advance to {stages[stageIndex + 1].Name}" : "Advance to the next stage";
        return [CardActions.Verb(title, new CardActionData { Verb = CardVerbs.AdvanceLead, Card = CardNames.Lead, LeadId = lead.Id, StageId = stageId }, context)];
    }

    private static CardElement? Outcome(LeadView lead, CardContext context) => lead.Outcome switch
    {
        { Status: LeadStatus.Won } won => CardParts.Banner(
            won.Amount is { } amount ? $"Won · {Money(amount, lead.Currency)}" : "Won", ContainerStyle.Good, TextColor.Good,
            $"{CardTime.Day(won.At, context)} by {context.NameOf(won.By)}"),
        { Status: LeadStatus.Lost } lost => CardParts.Banner(
            "Lost", ContainerStyle.Attention, TextColor.Attention,
            string.IsNullOrWhiteSpace(lost.Reason) ? $"{CardTime.Day(lost.At, context)}" : $"{lost.Reason} · {CardTime.Day(lost.At, context)}"),
        _ => null,
    };

    private static List<Fact> Facts(LeadView lead, CardContext context)
    {
        var facts = new List<Fact>();
        if (lead.Stage is { } stage && lead.Status == LeadStatus.Open)
        {
            facts.Add(new("Stage", $"{stage.Name} · since {CardTime.Day(stage.EnteredAt, context)}"));
        }

        facts.Add(new("Owner", context.NameOf(lead.OwnerId)));
        if (lead.Value is { } value)
        {
            facts.Add(new("Value", Money(value, lead.Currency)));
        }

        void Add(string title, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                facts.Add(new(title, text));
            }
        }

        Add("Product", lead.Product);
        Add("Territory", lead.Territory);
        Add("Source", lead.Source);
        Add("Contacts", lead.Emails.Count switch
        {
            0 => null,
            <= 3 => string.Join(", ", lead.Emails),
            _ => $"{string.Join(", ", lead.Emails.Take(3))} +{lead.Emails.Count - 3}",
        });
        return facts;
    }

    private static string Money(decimal amount, string? currency) =>
        string.IsNullOrWhiteSpace(currency)
            ? amount.ToString("#,0.##", CultureInfo.InvariantCulture)
            : $"{amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {currency}";

    private static string Activity(ActivityView activity, CardContext context)
    {
        var kind = activity.Type.Length == 0 ? "Activity" : char.ToUpperInvariant(activity.Type[0]) + activity.Type[1..];
        var direction = activity.Direction switch
        {
            "in" => " in",
            "out" => " out",
            _ => "",
        };
        var subject = string.IsNullOrWhiteSpace(activity.Subject) ? "" : $": {CardParts.Shorten(activity.Subject, 80)}";
        return $"{kind}{direction}{subject} · {CardTime.When(activity.At, context)}";
    }
}
