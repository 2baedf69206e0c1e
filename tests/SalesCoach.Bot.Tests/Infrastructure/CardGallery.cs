using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Leads;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Infrastructure;

/// <summary>
/// Every card the bot can send, in every state, with what a person must see on it (texts and
/// buttons) and, for some, a button to click and the data it must send. Each is built for both
/// channels; the schema tests, the size tests and the renderer (tests/cards-render) all read it.
/// </summary>
public static class CardGallery
{
    /// <summary>The channels every card is built for, by the name files and test cases use.</summary>
    public static IReadOnlyDictionary<string, ChannelCapabilities> Channels { get; } = new Dictionary<string, ChannelCapabilities>
    {
        ["teams"] = ChannelCapabilities.Teams,
        ["webchat"] = ChannelCapabilities.WebChat,
    };

    public static IReadOnlyList<GalleryCard> Cards { get; } =
    [
        new("welcome", c => WelcomeCard.Build(c, "Ana"),
            ["Hi Ana, I'm SalesCoach"], ["My tasks", "Help"], Screenshot: true),
        new("help", c => HelpCard.Build(c),
            ["What I can do", "tasks: what is due and overdue today, by lead", "For managers"], ["My tasks"], Screenshot: true),
        new("help-not-understood", c => HelpCard.Build(c, includeManagerCommands: false, notUnderstood: "show me the money"),
            ["Sorry, I didn't understand “show me the money”."], ["My tasks"]),
        new("task-prompt", c => TaskPromptCard.Build(Acme(), BookMeeting(), c),
            ["Task due", "Book the first meeting", "Lead: Acme (Acme Oy)", "Stage: Meeting", "Due: today 10:00"], ["Complete", "Snooze", "Open lead"],
            Screenshot: true, Click: new("Complete", new() { ["verb"] = CardVerbs.CompleteTask, ["leadId"] = "acme", ["taskId"] = "book-meeting" })),
        new("task-prompt-snooze", c => TaskPromptCard.Build(Acme(), BookMeeting(), c),
            ["Snooze until"], ["Complete", "Snooze", "Open lead"], Screenshot: true,
            Click: new("Snooze", new() { ["verb"] = CardVerbs.SnoozeTask, ["taskId"] = "book-meeting", ["snooze"] = SnoozeChoices.InOneHour }, Unfold: "Snooze")),
        new("task-prompt-assigned", c => TaskPromptCard.Build(TaskAssigned(), c),
            ["New task for you", "Send the meeting agenda", "Due: tomorrow 08:30"], ["Complete", "Snooze", "Open lead"]),
        new("task-prompt-done", c => TaskPromptCard.Build(Acme(), BookMeeting(LeadTaskStatus.Done, "ana", new DateTimeOffset(2025, 12, 2, 10, 42, 0, TimeSpan.Zero)), c),
            ["Book the first meeting", "✓ Done by Ana at 10:42"], [], Screenshot: true),
        new("task-prompt-skipped", c => TaskPromptCard.Build(Acme(), BookMeeting(LeadTaskStatus.Skipped), c),
            ["Skipped"], []),
        new("task-prompt-refused-not-yours", c => TaskPromptCard.Refused(TaskRefusal.NotYours, c, BookMeeting()),
            ["This task is not yours"], [], Screenshot: true),
        new("task-prompt-refused-skipped", c => TaskPromptCard.Refused(TaskRefusal.AlreadySkipped, c, BookMeeting(), Acme()),
            ["This task was already skipped"], []),
        new("stage-guidance", c => StageGuidanceCard.Build(Acme(), Stage("meeting"), c),
            ["Acme is now in Meeting", "Done when a meeting is logged", "☐ Book the first meeting", "☐ Send the meeting agenda"],
            ["Complete", "Complete", "Open lead"], Screenshot: true,
            Click: new("Complete", new() { ["verb"] = CardVerbs.CompleteTask, ["leadId"] = "acme", ["taskId"] = "book-meeting" })),
        new("stage-guidance-confirm", c => StageGuidanceCard.Build(Acme("proposal"), Stage("proposal"), c),
            ["Acme is now in Proposal", "Done when an outgoing email tagged “proposal” is logged or you confirm it"],
            ["Complete", "Complete", "Confirm stage done", "Open lead"],
            Click: new("Confirm stage done", new() { ["verb"] = CardVerbs.ConfirmStage, ["leadId"] = "acme", ["stageId"] = "proposal" })),
        new("my-day", c => MyDayCard.Build(AnasAgenda(), c),
            ["My day · Tue 2 Dec", "2 overdue · 2 due today", "Acme", "Globex", "Initech", "Send the meeting agenda", "Coming up", "Follow up on the proposal"],
            ["Complete", "Complete", "Complete", "Complete", "Complete"], Screenshot: true),
        new("my-day-empty", c => MyDayCard.Build(new("ana", []), c),
            ["Nothing is due today."], []),
        new("my-day-50", c => MyDayCard.Build(Agenda(50), c),
            ["My day · Tue 2 Dec", "Lead 00 Oy", "Follow up on item 49"], [.. Enumerable.Repeat("Complete", 50)]),
        new("lead", c => LeadCard.Build(Acme(), c, Pipeline),
            ["Acme", "Stage: Meeting · since Mon 1 Dec", "Owner: Ana", "Value: 12,000 EUR", "Done when a meeting is logged", "Recent activity"],
            ["Complete", "Complete", "Advance to Demo"], Screenshot: true,
            Click: new("Advance to Demo", new() { ["verb"] = CardVerbs.AdvanceLead, ["leadId"] = "acme", ["stageId"] = "meeting" })),
        new("lead-won", c => LeadCard.Build(
                Acme("negotiate", tasks: [], status: LeadStatus.Won, outcome: new OutcomeView(LeadStatus.Won, 11500, null, Now, "ana")), c, Pipeline),
            ["Won · 11,500 EUR"], []),
        new("overdue-digest", c => OverdueDigestCard.Build(Digest(), c),
            ["3 overdue tasks", "Acme", "Globex", "Draft the proposal"], ["Complete", "Complete", "Complete", "Show my day"], Screenshot: true),
        new("praise", c => PraiseCard.Build(Praise(), c),
            ["Acme is past the meeting"], ["Open lead"], Screenshot: true),
        new("kudos-received", c => KudosCard.Received(Kudos(), c),
            ["From Maria", "Great demo for Acme today, the use cases were spot on."], [], Screenshot: true),
        new("kudos-send", c => KudosCard.SendForm(Samples.Reps.Where(r => r.Id != "maria").ToList(), c, to: "ana", text: "Great demo for Acme today!"),
            ["Send kudos"], ["Send"], Screenshot: true,
            Click: new("Send", new() { ["verb"] = CardVerbs.SendKudos, ["kudosTo"] = "ana", ["kudosText"] = "Great demo for Acme today!" })),
        new("kudos-sent", _ => KudosCard.Sent("Ana", "Great demo for Acme today!"),
            ["✓ Kudos sent to Ana"], []),
        new("funnel", c => FunnelCard.Build(Funnel(), c),
            ["Funnel · Team Nordics", "B2B new business · Last 90 days", "Qualify", "120 in · 76% on · 3 stuck", "Win rate", "27%", "270,000 of 400,000 (68%)",
             "185,500 open (weighted) · 98,000 by win history", "368,000 of 400,000 (92%) by win history"], ["Update"],
            Screenshot: true,
            Click: new("Update", new() { ["verb"] = CardVerbs.FilterFunnel, ["pipeline"] = "b2b", ["funnelTeam"] = "nordics", ["funnelPeriod"] = FunnelPeriods.Last90Days })),
        new("funnel-empty", c => FunnelCard.Build(Funnel(empty: true), c),
            ["Funnel · Team Nordics", "0 in · – on", "0 (no quota set)"], ["Update"]),
        new("coaching", c => CoachingCard.Build(Coaching(), "Bo", CoachingSuggestion.From(Stage("proposal").Guidance), c),
            ["Coaching · Bo", "Weakest stage: Proposal", "33% move on, against 61% for the team.", "Try this", "Now ask for the decision."], [],
            Screenshot: true),
        new("coaching-filters", c => CoachingCard.Build(Coaching(), "Bo", CoachingSuggestion.From(Stage("proposal").Guidance), c, CoachingFilters()),
            ["Coaching · Bo", "B2B new business · Last 30 days", "Weakest stage: Proposal"], ["Update"],
            Click: new("Update", new() { ["verb"] = CardVerbs.FilterCoaching, ["card"] = CardNames.Coaching, ["coachingRep"] = "bo", ["coachingPeriod"] = FunnelPeriods.Last30Days, ["pipeline"] = "b2b" })),
        new("coaching-no-data", c => CoachingCard.Build(Coaching(empty: true), "Chen", null, c),
            ["Coaching · Chen", "Not enough closed stages yet to compare with the team."], []),
    ];

    /// <summary>Every card × channel, as xUnit theory data: (card name, channel name).</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var card in Cards)
        {
            foreach (var channel in Channels.Keys)
            {
                data.Add(card.Name, channel);
            }
        }

        return data;
    }

    public static GalleryCard Named(string name) => Cards.Single(c => c.Name == name);

    public static AdaptiveCard Build(string name, string channel) => Named(name).Build(Context(Channels[channel]));
}

/// <summary>A card in one state, with what a person must see on it.</summary>
/// <param name="Name">File and test-case name.</param>
/// <param name="Build">Builds it for a viewer.</param>
/// <param name="Texts">Texts that must be on the card (the renderer checks they are visible).</param>
/// <param name="Buttons">The buttons shown before any show card is unfolded, in order.</param>
/// <param name="Screenshot">Whether docs/cards keeps a picture of it (Teams variant, after unfolding <see cref="GalleryClick.Unfold"/>).</param>
/// <param name="Click">A button the renderer clicks, and what must be sent.</param>
public sealed record GalleryCard(
    string Name, Func<CardContext, AdaptiveCard> Build, IReadOnlyList<string> Texts, IReadOnlyList<string> Buttons,
    bool Screenshot = false, GalleryClick? Click = null);

/// <summary>Click <paramref name="Button"/> (after unfolding the show card <paramref name="Unfold"/>); the action must carry <paramref name="Data"/>.</summary>
public sealed record GalleryClick(string Button, Dictionary<string, string> Data, string? Unfold = null);
