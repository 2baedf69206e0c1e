using SalesCoach.Bot.Cards.Model;
using SalesCoach.Leads;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// The card for one task, sent when it is assigned or falls due: what, for which lead, due when,
/// with Complete, Snooze (a new due time) and Open lead. The same card shows the task done
/// ("Done by Ana at 10:42") or skipped, without buttons, and refused actions.
/// </summary>
public static class TaskPromptCard
{
    /// <summary>The card for a task as the lead has it now: open (with buttons), done, or skipped.</summary>
    public static AdaptiveCard Build(LeadView lead, TaskView task, CardContext context, TaskPromptReason reason = TaskPromptReason.Due)
    {
        var stageName = lead.Stage is { } stage && stage.Id == task.StageId ? stage.Name : null;
        var prompt = new Prompt(lead.Id, CardParts.LeadTitle(lead.Name, lead.Company), task.Id, task.Title, task.Description, stageName, task.DueAt);
        return task.Status switch
        {
            LeadTaskStatus.Done => DoneCard(prompt, task, context),
            LeadTaskStatus.Skipped => SkippedCard(prompt),
            _ => lead.Status == LeadStatus.Open ? OpenCard(prompt, reason, context) : Refused(TaskRefusal.LeadClosed, context, task, lead),
        };
    }

    /// <summary>The open card for an agenda item (what a reminder knows: no description or stage name).</summary>
    public static AdaptiveCard Build(AgendaItem item, CardContext context, TaskPromptReason reason = TaskPromptReason.Due) =>
        OpenCard(new Prompt(item.LeadId, item.LeadName, item.TaskId, item.Title, null, null, item.DueAt), reason, context);

    /// <summary>The open card for a <see cref="NotificationKind.TaskDue"/> or <see cref="NotificationKind.TaskAssigned"/> notification.</summary>
    public static AdaptiveCard Build(Notification notification, CardContext context)
    {
        var item = notification.Tasks.Count > 0
            ? notification.Tasks[0]
            : throw new ArgumentException($"Notification {notification.Id} names no task.", nameof(notification));
        return Build(item, context, notification.Kind == NotificationKind.TaskAssigned ? TaskPromptReason.Assigned : TaskPromptReason.Due);
    }

    /// <summary>
    /// The answer to a task action that was not carried out: "This task is not yours", "already
    /// skipped", … with the task's title when known. Nothing to click.
    /// </summary>
    public static AdaptiveCard Refused(TaskRefusal refusal, CardContext context, TaskView? task = null, LeadView? lead = null)
    {
        var (headline, detail) = refusal switch
        {
            TaskRefusal.NotYours => ("This task is not yours", "It is assigned to someone else, so nothing was changed."),
            TaskRefusal.AlreadySkipped => ("This task was already skipped", "The lead left the task's stage, so it is no longer needed."),
            TaskRefusal.LeadClosed => ("This lead is closed", "It was won or lost, so its tasks are no longer needed."),
            _ => ("This task no longer exists", "Nothing was changed."),
        };
        return CardParts.Card(
            [
                task is null ? null : CardParts.Text(task.Title, weight: TextWeight.Bolder),
                lead is null ? null : CardParts.Subtle(CardParts.LeadTitle(lead.Name, lead.Company)),
                CardParts.Banner(headline, ContainerStyle.Attention, TextColor.Attention, detail),
            ],
            fallbackText: $"{headline}. {detail}");
    }

    private static AdaptiveCard OpenCard(Prompt prompt, TaskPromptReason reason, CardContext context)
    {
        var overdue = CardTime.IsOverdue(prompt.DueAt, context);
        var facts = new List<Fact> { new("Lead", prompt.LeadTitle) };
        if (prompt.StageName is not null)
        {
            facts.Add(new("Stage", prompt.StageName));
        }

        facts.Add(new("Due", overdue ? $"{CardTime.When(prompt.DueAt, context)} (overdue)" : CardTime.When(prompt.DueAt, context)));

        var target = new CardActionData { Verb = CardVerbs.CompleteTask, Card = CardNames.TaskPrompt, LeadId = prompt.LeadId, TaskId = prompt.TaskId };
        return CardParts.Card(
            [
                CardParts.Subtle(reason == TaskPromptReason.Assigned ? "New task for you" : overdue ? "Task overdue" : "Task due", spacing: null),
                CardParts.Heading(prompt.Title),
                prompt.Description is { Length: > 0 } description ? CardParts.Text(description) : null,
                new FactSet { Facts = facts },
            ],
            fallbackText: $"{prompt.Title} for {prompt.LeadTitle}: {CardTime.Due(prompt.DueAt, context)}.",
            actions:
            [
                CardActions.Verb("Complete", target, context, ActionStyle.Positive),
                new ShowCardAction { Title = "Snooze", Card = SnoozeForm(target, context) },
                CardActions.Verb("Open lead", new CardActionData { Verb = CardVerbs.OpenLead, Card = CardNames.TaskPrompt, LeadId = prompt.LeadId }, context),
            ],
            refresh: CardActions.Refresh(target, context));
    }

    private static AdaptiveCard SnoozeForm(CardActionData target, CardContext context)
    {
        var today = context.Now is { } now ? context.Local(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
        return AdaptiveCard.Nested(
            [
                new ChoiceSetInput
                {
                    Id = CardInputs.Snooze,
                    Label = "Snooze until",
                    Style = ChoiceInputStyle.Compact,
                    Value = SnoozeChoices.InOneHour,
                    Choices = SnoozeChoices.All.Select(c => new Choice(c.Title, c.Value)).ToList(),
                },
                new ColumnSet
                {
                    Columns =
                    [
                        new Column { Width = Column.Stretch, Items = [new DateInput { Id = CardInputs.SnoozeDate, Label = "Date", Min = today }] },
                        new Column { Width = Column.Stretch, Items = [new TimeInput { Id = CardInputs.SnoozeTime, Label = "Time", Value = "09:00" }] },
                    ],
                },
            ],
            [
                CardActions.Verb(
                    "Snooze",
                    target with { Verb = CardVerbs.SnoozeTask, UtcOffset = SnoozeChoices.FormatOffset(context.UtcOffset) },
                    context),
            ]);
    }

    private static AdaptiveCard DoneCard(Prompt prompt, TaskView task, CardContext context)
    {
        var who = task.DoneBy is { } by ? context.NameOf(by) : "someone";
        var done = task.DoneAt is { } at ? $"✓ Done by {who} at {CardTime.At(at, context)}" : $"✓ Done by {who}";
        return CardParts.Card(
            [
                CardParts.Subtle("Task", spacing: null),
                CardParts.Heading(prompt.Title),
                CardParts.Subtle(prompt.StageName is null ? prompt.LeadTitle : $"{prompt.LeadTitle} · {prompt.StageName}"),
                CardParts.Banner(done, ContainerStyle.Good, TextColor.Good),
            ],
            fallbackText: $"{prompt.Title} for {prompt.LeadTitle}: {done.TrimStart('✓', ' ')}.");
    }

    private static AdaptiveCard SkippedCard(Prompt prompt)
    {
        var detail = prompt.StageName is null
            ? "The lead left the task's stage, so it is no longer needed."
            : $"The lead left {prompt.StageName}, so it is no longer needed.";
        return CardParts.Card(
            [
                CardParts.Subtle("Task", spacing: null),
                CardParts.Heading(prompt.Title),
                CardParts.Subtle(prompt.LeadTitle),
                CardParts.Banner("Skipped", ContainerStyle.Emphasis, TextColor.Default, detail),
            ],
            fallbackText: $"{prompt.Title} for {prompt.LeadTitle}: skipped.");
    }

    private sealed record Prompt(
        string LeadId, string LeadTitle, string TaskId, string Title, string? Description, string? StageName, DateTimeOffset DueAt);
}
