using SalesCoach.Bot.Cards.Model;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// The answer to <c>tasks</c>: what is overdue and due today, grouped by lead, each with
/// Complete. When now is not known every open task is listed.
/// </summary>
public static class MyDayCard
{
    /// <summary>The most task lines one card shows; the rest are counted.</summary>
    public const int MaxTasks = 50;

    /// <summary>The most bytes the task lines may take, so the card stays under Teams' 28 KB whatever the ids and titles.</summary>
    public const int MaxTaskBytes = 25_600;

    /// <summary>The card for a rep's agenda.</summary>
    public static AdaptiveCard Build(AgendaView agenda, CardContext context)
    {
        var endOfToday = CardTime.EndOfToday(context);
        var due = agenda.Tasks.Where(t => endOfToday is not { } end || t.Overdue || t.DueAt < end).OrderBy(t => t.DueAt).ToList();
        var later = agenda.Tasks.Except(due).OrderBy(t => t.DueAt).ToList();
        var overdue = due.Count(t => IsOverdue(t, context));

        var body = new List<CardElement?>
        {
            CardParts.Heading(context.Now is { } now ? $"My day · {CardTime.Day(now, context)}" : "My tasks"),
            CardParts.Subtle(Summary(due.Count, overdue, endOfToday is not null)),
        };

        var (shown, leftOut) = CardParts.WithinBudget(due, task => Line(task, context), MaxTasks, MaxTaskBytes, t => t.LeadName);
        body.AddRange(CardParts.ByLead(shown, t => t.LeadId, t => t.LeadName));
        if (leftOut > 0)
        {
            body.Add(CardParts.Subtle($"…and {CardParts.Count(leftOut, "more task")}. Complete some to see the rest.", spacing: Spacing.Medium));
        }

        if (later.Count > 0)
        {
            body.Add(CardParts.Subtle(
                $"Coming up: {CardParts.Count(later.Count, "more task")}, the next {CardTime.When(later[0].DueAt, context)} ({CardParts.Shorten(later[0].Title, 60)}).",
                spacing: Spacing.Medium));
        }

        return CardParts.Card(
            body,
            fallbackText: Summary(due.Count, overdue, endOfToday is not null),
            refresh: CardActions.Refresh(new CardActionData { Verb = CardVerbs.Refresh, Card = CardNames.MyDay }, context));
    }

    private static ColumnSet Line(AgendaEntryView task, CardContext context) => CardParts.TaskLine(
        task.Title,
        CardTime.Due(task.DueAt, context, IsOverdue(task, context)),
        IsOverdue(task, context) ? TextColor.Attention : null,
        CardActions.Verb(
            "Complete",
            new CardActionData { Verb = CardVerbs.CompleteTask, Card = CardNames.MyDay, LeadId = task.LeadId, TaskId = task.TaskId },
            context));

    private static bool IsOverdue(AgendaEntryView task, CardContext context) => task.Overdue || CardTime.IsOverdue(task.DueAt, context);

    private static string Summary(int due, int overdue, bool today)
    {
        if (due == 0)
        {
            return today ? "Nothing is due today." : "You have no open tasks.";
        }

        var open = today ? $"{due - overdue} due today" : CardParts.Count(due - overdue, "open task");
        return overdue == 0 ? open : $"{overdue} overdue · {open}";
    }
}
