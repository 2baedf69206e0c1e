using SalesCoach.Bot.Cards.Model;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// Kudos between people: the card a rep receives, the form a manager sends them with (a rep
/// picker, a message, Send) and the confirmation that replaces the form.
/// </summary>
public static class KudosCard
{
    /// <summary>The longest kudos message the form accepts.</summary>
    public const int MaxText = 500;

    /// <summary>The card a rep receives.</summary>
    public static AdaptiveCard Received(string fromName, string message, CardContext context, DateTimeOffset? at = null)
    {
        var when = at is { } time ? $" · {CardTime.When(time, context)}" : "";
        return CardParts.Card(
            [
                new Container
                {
                    Style = ContainerStyle.Accent,
                    Bleed = true,
                    Items =
                    [
                        CardParts.Text("👏 Kudos", size: TextSize.Small, weight: TextWeight.Bolder, color: TextColor.Accent),
                        CardParts.Text($"From {fromName}", size: TextSize.Large, weight: TextWeight.Bolder, spacing: Spacing.Small, heading: true),
                    ],
                },
                CardParts.Text(message),
                when.Length > 0 ? CardParts.Subtle($"Sent{when}", spacing: Spacing.Small) : null,
            ],
            fallbackText: $"Kudos from {fromName}: {message}");
    }

    /// <summary>The card for a <see cref="NotificationKind.Kudos"/> notification (title: who it is from, text: the message).</summary>
    public static AdaptiveCard Received(Notification notification, CardContext context)
    {
        var from = notification.Title.StartsWith("Kudos from ", StringComparison.OrdinalIgnoreCase)
            ? notification.Title["Kudos from ".Length..]
            : notification.Title;
        return Received(from, notification.Text, context, notification.CreatedAt == default ? null : notification.CreatedAt);
    }

    /// <summary>
    /// The send form for a manager: pick a rep, write a message, Send. <paramref name="to"/> and
    /// <paramref name="text"/> pre-fill it (from <c>kudos @rep text</c>); <paramref name="problem"/>
    /// says what was wrong with the last try.
    /// </summary>
    public static AdaptiveCard SendForm(IReadOnlyList<RepProfile> reps, CardContext context, string? to = null, string? text = null, string? problem = null) =>
        CardParts.Card(
            [
                CardParts.Heading("Send kudos"),
                CardParts.Subtle("Say what they did well. They get it as a card from you."),
                problem is null ? null : CardParts.Banner(problem, ContainerStyle.Attention, TextColor.Attention),
                new ChoiceSetInput
                {
                    Id = CardInputs.KudosTo,
                    Label = "To",
                    Style = ChoiceInputStyle.Compact,
                    Placeholder = "Pick a rep",
                    IsRequired = true,
                    ErrorMessage = "Pick who the kudos are for.",
                    Value = reps.Any(r => r.Id == to) ? to : null,
                    Choices = reps.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Select(r => new Choice(Name(r), r.Id)).ToList(),
                },
                new TextInput
                {
                    Id = CardInputs.KudosText,
                    Label = "Message",
                    IsMultiline = true,
                    MaxLength = MaxText,
                    Placeholder = "Great demo for Acme today!",
                    IsRequired = true,
                    ErrorMessage = "Write a few words.",
                    Value = text,
                },
            ],
            fallbackText: "Send kudos: pick a rep and write a message.",
            actions: [CardActions.Verb("Send", new CardActionData { Verb = CardVerbs.SendKudos, Card = CardNames.KudosSend }, context, ActionStyle.Positive)]);

    /// <summary>What replaces the form once the kudos are on their way (the same on every channel).</summary>
    public static AdaptiveCard Sent(string toName, string message) =>
        CardParts.Card(
            [
                CardParts.Banner($"✓ Kudos sent to {toName}", ContainerStyle.Good, TextColor.Good),
                CardParts.Text(message, subtle: true),
            ],
            fallbackText: $"Kudos sent to {toName}.");

    private static string Name(RepProfile rep) => string.IsNullOrWhiteSpace(rep.Name) ? rep.Id : rep.Name;
}
