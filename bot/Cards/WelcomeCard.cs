using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Cards;

/// <summary>The greeting when SalesCoach is installed: what it does for a rep, and how to ask for help.</summary>
public static class WelcomeCard
{
    /// <summary>The welcome card; <paramref name="name"/> is the rep's first name when known.</summary>
    public static AdaptiveCard Build(CardContext context, string? name = null)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? "Hi, I'm SalesCoach" : $"Hi {name}, I'm SalesCoach";
        return CardParts.Card(
            [
                CardParts.Heading(greeting),
                CardParts.Markdown("I run your team's sales process for you, right here in Teams:"),
                CardParts.Markdown(
                    "- a **task** card when something is assigned to you or falls due: complete or snooze it here\n"
                    + "- your manager's **guidance** and a checklist whenever one of your leads enters a new stage\n"
                    + "- a short **digest** each morning of anything overdue\n"
                    + "- **kudos** from your manager, and a word from me when you reach a milestone"),
                CardParts.Markdown("Type **tasks** for your day, **lead** and a name for a lead, or **help** for everything I understand."),
            ],
            fallbackText: $"{greeting}. I send your tasks, stage guidance and reminders. Type help to see what I can do.",
            actions: [CardActions.Command("My tasks", "tasks", context), CardActions.Command("Help", "help", context)]);
    }
}
