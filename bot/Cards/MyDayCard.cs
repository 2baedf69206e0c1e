using SalesCoach.Bot.Cards.Model;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// The answer to <c>tasks</c>: what is overdue and due today, grouped by lead, each with
/// Complete, then the next few tasks coming up, completable too (a rep working ahead, or late in
/// the evening when the next task is due after midnight, must not have to wait for its day). When
/// now is not known every open task is listed.
/// </summary>
public static class MyDayCard
{
    /// <summary>The most task lines one card shows; the rest are counted.</summary>
    public const int MaxTasks = 50;

    /// <summary>The most tasks due after today shown as lines; the rest are counted.</summary>
    public const int MaxComingUp = 3;

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

        // One budget for both lists, due first: the tasks coming up get what the due ones leave.
        var (shown, _) = CardParts.WithinBudget([.. due, .. later.Take(MaxComingUp)], task => Line(task, context), MaxTasks, MaxTaskBytes, t => t.LeadName);
        var dueShown = Math.Min(shown.Count, due.Count);
        body.AddRange(CardParts.ByLead(shown.Take(dueShown), t => t.LeadId, t => t.LeadName));
        if (due.Count > dueShown)
        {
            body.Add(CardParts.Subtle($"…and {CardParts.Count(due.Count - dueShown, "more task")}. Complete some to see the rest.", spacing: Spacing.Medium));
        }

        var comingUp = shown.Skip(dueShown).ToList();
        if (comingUp.Count > 0)
        {
            body.Add(CardParts.Subtle("Coming up", spacing: Spacing.Medium));
            body.AddRange(CardParts.ByLead(comingUp, t => t.LeadId, t => t.LeadName));
            if (later.Count > comingUp.Count)
            {
                body.Add(CardParts.Subtle($"…and {CardParts.Count(later.Count - comingUp.Count, "more task")} after that."));
            }
        }
        else if (later.Count > 0)
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
