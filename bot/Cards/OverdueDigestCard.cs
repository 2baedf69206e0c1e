using SalesCoach.Bot.Cards.Model;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Cards;

/// <summary>The daily summary of a rep's overdue tasks, grouped by lead, each with Complete.</summary>
public static class OverdueDigestCard
{
    /// <summary>The most task lines one digest shows; the rest are counted.</summary>
    public const int MaxTasks = 30;

    /// <summary>The most bytes the task lines may take.</summary>
    public const int MaxTaskBytes = 20_000;

    /// <summary>The card for an <see cref="NotificationKind.OverdueDigest"/> notification.</summary>
    public static AdaptiveCard Build(Notification notification, CardContext context) => Build(notification.Tasks, context);

    /// <summary>The card for overdue agenda items.</summary>
    public static AdaptiveCard Build(IReadOnlyList<AgendaItem> tasks, CardContext context)
    {
        var ordered = tasks.OrderBy(t => t.DueAt).ToList();
        var title = $"{CardParts.Count(ordered.Count, "overdue task")}";
        var body = new List<CardElement?>
        {
            CardParts.Subtle("Daily digest", spacing: null),
            CardParts.Heading(title),
            CardParts.Markdown(ordered.Count == 0
                ? "Nothing is overdue. Well done!"
                : "Complete what is already done, or type **tasks** for your whole day."),
        };

        var (shown, leftOut) = CardParts.WithinBudget(
            ordered,
            task => CardParts.TaskLine(
                task.Title,
                CardTime.Due(task.DueAt, context, overdue: true),
                TextColor.Attention,
                CardActions.Verb(
                    "Complete",
                    new CardActionData { Verb = CardVerbs.CompleteTask, Card = CardNames.OverdueDigest, LeadId = task.LeadId, TaskId = task.TaskId },
                    context)),
            MaxTasks,
            MaxTaskBytes,
            t => t.LeadName);
        body.AddRange(CardParts.ByLead(shown, t => t.LeadId, t => t.LeadName));
        if (leftOut > 0)
        {
            body.Add(CardParts.Subtle($"…and {CardParts.Count(leftOut, "more task")}.", spacing: Spacing.Medium));
        }

        return CardParts.Card(
            body,
            fallbackText: ordered.Count == 0 ? "Nothing is overdue." : $"{title}: {string.Join(", ", ordered.Take(5).Select(t => t.Title))}",
            actions: [CardActions.Command("Show my day", "tasks", context)],
            refresh: CardActions.Refresh(new CardActionData { Verb = CardVerbs.Refresh, Card = CardNames.OverdueDigest }, context));
    }
}
