using SalesCoach.Common;

namespace SalesCoach.Reps;

/// <summary>
/// One write of a rep (<see cref="RepJournal"/>): the small part of the state whole, and of the parts
/// that grow with the rep's leads only what changed since the previous write.
/// </summary>
[GenerateSerializer]
public sealed class RepJournalPage
{
    /// <summary>An empty page (what a stored page is read into).</summary>
    public RepJournalPage()
        : this(new RepState(), new(), new(), new(), new())
    {
    }

    // Of builds its parts itself: with property initializers, every page written first built an empty
    // RepState (six collections) and four empty deltas only to replace them.
    private RepJournalPage(RepState head, KeyedDelta<AgendaItem> agenda, SetDelta ownedLeads, KeyedDelta<DateTimeOffset> prompted, KeyedDelta<string> leadNames) =>
        (Head, Agenda, OwnedLeads, Prompted, LeadNames) = (head, agenda, ownedLeads, prompted, leadNames);

    /// <summary>Profile, counters and the rest of <see cref="RepState"/>, without the keyed collections and the outbox.</summary>
    [Id(0)] public RepState Head { get; set; }
    [Id(1)] public KeyedDelta<AgendaItem> Agenda { get; set; }
    [Id(2)] public SetDelta OwnedLeads { get; set; }
    [Id(3)] public KeyedDelta<DateTimeOffset> Prompted { get; set; }
    [Id(4)] public KeyedDelta<string> LeadNames { get; set; }

    /// <summary>
    /// The outbox entries queued, re-scheduled or taken out, by notification id. Null in pages written
    /// before the outbox was journalled by entry: those carry it whole in <see cref="Head"/>.
    /// </summary>
    [Id(5)] public KeyedDelta<OutboxEntry>? Outbox { get; set; }

    /// <summary>The page for what changed in <paramref name="state"/> since its last write (<see cref="RepState.Changes"/>).</summary>
    public static RepJournalPage Of(RepState state) => new(
        state.Head(),
        KeyedDelta<AgendaItem>.Of(state.Agenda, state.Changes.Agenda),
        SetDelta.Of(state.OwnedLeads, state.Changes.OwnedLeads),
        KeyedDelta<DateTimeOffset>.Of(state.Prompted, state.Changes.Prompted),
        KeyedDelta<string>.Of(state.LeadNames, state.Changes.LeadNames))
    {
        Outbox = KeyedDelta<OutboxEntry>.Of(
            state.Changes.Outbox.Count == 0 ? EmptyOutbox : state.Outbox.ToDictionary(e => e.Notification.Id, StringComparer.Ordinal),
            state.Changes.Outbox),
    };

    private static readonly Dictionary<string, OutboxEntry> EmptyOutbox = [];

    /// <summary>Applies the keyed changes to <paramref name="state"/> in place (the head is not touched).</summary>
    private void ApplyKeyedTo(RepState state)
    {
        Agenda.ApplyTo(state.Agenda);
        OwnedLeads.ApplyTo(state.OwnedLeads);
        Prompted.ApplyTo(state.Prompted);
        LeadNames.ApplyTo(state.LeadNames);
    }

    /// <summary>The state after this page: its keyed changes applied, its head taken whole.</summary>
    public static RepState Replay(RepState state, RepJournalPage page)
    {
        page.ApplyKeyedTo(state);
        var next = page.Head.WithKeyedOf(state);
        if (page.Outbox is { } outbox)
        {
            next.Outbox = state.Outbox;
            ApplyTo(outbox, next.Outbox);
        }

        return next;
    }

    /// <summary>Removes the entries taken out, replaces those changed in place and queues the new ones last; twice changes nothing more.</summary>
    private static void ApplyTo(KeyedDelta<OutboxEntry> delta, List<OutboxEntry> outbox)
    {
        outbox.RemoveAll(e => delta.Removed.Contains(e.Notification.Id));
        foreach (var (id, entry) in delta.Set)
        {
            var at = outbox.FindIndex(e => e.Notification.Id == id);
            if (at >= 0)
            {
                outbox[at] = entry;
            }
            else
            {
                outbox.Add(entry);
            }
        }
    }
}
