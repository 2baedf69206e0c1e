using SalesCoach.Bot.Cards.Model;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Cards;

/// <summary>SalesCoach's own praise when a rep reaches a milestone (a stage passed, a deal won, a streak).</summary>
public static class PraiseCard
{
    /// <summary>The card for a <see cref="NotificationKind.Praise"/> notification: its title, its message, Open lead when it names one.</summary>
    public static AdaptiveCard Build(Notification notification, CardContext context) =>
        Build(notification.Title, notification.Text, notification.LeadId, context);

    /// <summary>The card for a milestone message (the pipeline's praise rule, <c>{lead}</c> and <c>{rep}</c> filled in).</summary>
    public static AdaptiveCard Build(string title, string message, string? leadId, CardContext context)
    {
        var heading = string.IsNullOrWhiteSpace(title) ? "Well done!" : title;
        return CardParts.Card(
            [
                new Container
                {
                    Style = ContainerStyle.Good,
                    Bleed = true,
                    Items =
                    [
                        CardParts.Text("🏆 Milestone", size: TextSize.Small, weight: TextWeight.Bolder, color: TextColor.Good),
                        CardParts.Text(heading, size: TextSize.Large, weight: TextWeight.Bolder, spacing: Spacing.Small, heading: true),
                    ],
                },
                CardParts.Markdown(GuidanceMarkdown.ToCardMarkdown(message, 1000) is { Length: > 0 } text ? text : "Keep it up!"),
            ],
            fallbackText: $"{heading} {message}".Trim(),
            actions: leadId is null
                ? null
                : [CardActions.Verb("Open lead", new CardActionData { Verb = CardVerbs.OpenLead, Card = CardNames.Praise, LeadId = leadId }, context)]);
    }
}
