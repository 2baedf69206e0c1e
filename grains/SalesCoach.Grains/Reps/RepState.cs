using SalesCoach.Common;

namespace SalesCoach.Reps;

/// <summary>Everything a rep grain persists (as <see cref="RepJournal"/>'s snapshot).</summary>
[GenerateSerializer]
public sealed class RepState : IJournaledState
{
    // What changed since the last write; never persisted. Change the keyed collections through the
    // methods below (not the dictionaries themselves), or a change is missing from the journal.
    [NonSerialized]
    private RepChanges? changes;

    // The open tasks by due time, built when the wake is first asked and kept by PutTask after that, so the
    // rep's wake is not a walk over every open task per change.
    [NonSerialized]
    private AgendaDueIndex? dueIndex;

    [Id(0)] public RepProfile? Profile { get; set; }
    /// <summary>Open tasks by <see cref="AgendaItem.Key"/>.</summary>
    [Id(1)] public Dictionary<string, AgendaItem> Agenda { get; set; } = [];
    /// <summary>Open leads the rep owns.</summary>
    [Id(2)] public HashSet<string> OwnedLeads { get; set; } = [];
    /// <summary>Tasks already prompted, with the due time they were prompted for (a re-dated task is prompted again).</summary>
    [Id(3)] public Dictionary<string, DateTimeOffset> Prompted { get; set; } = [];
    /// <summary>Notifications waiting to be sent, oldest first. Change it through the methods below (journalled by entry).</summary>
    [Id(4)] public List<OutboxEntry> Outbox { get; set; } = [];
    /// <summary>Only in rows stored before the rep's <see cref="SentLog"/>: moved into it when the grain activates.</summary>
    [Id(5)] public Dictionary<string, DateTimeOffset> Sent { get; set; } = [];
    /// <summary>The UTC day (yyyy-MM-dd) of the last overdue digest.</summary>
    [Id(6)] public string? LastDigestDay { get; set; }
    /// <summary>When the one agenda reminder is due; null when none is registered.</summary>
    [Id(7)] public DateTimeOffset? ReminderDueAt { get; set; }
    /// <summary>Where the bot reaches the rep; null until the bot has met them.</summary>
    [Id(8)] public ConversationReference? Conversation { get; set; }
    /// <summary>Names of the leads in <see cref="OwnedLeads"/> and on the agenda, by lead id.</summary>
    [Id(9)] public Dictionary<string, string> LeadNames { get; set; } = [];
    /// <summary>Kudos received (each counted once, by notification id).</summary>
    [Id(10)] public int Kudos { get; set; }
    /// <summary>Praise received (each counted once, by notification id).</summary>
    [Id(11)] public int Praise { get; set; }
    /// <summary>Tasks done on time in a row; reset by a task done late.</summary>
    [Id(12)] public int OnTimeStreak { get; set; }
    [Id(13)] public int BestOnTimeStreak { get; set; }
    /// <summary>Streak milestones praised so far (numbers each streak praise's id).</summary>
    [Id(14)] public int StreakMilestones { get; set; }
    /// <summary>The first <see cref="RepJournal"/> page this state does not include (0 before the journal existed).</summary>
    [Id(15)] public long JournalFrom { get; set; }

    /// <summary>The earliest due time of any open task and of any task not yet prompted for its due time (null when there is none).</summary>
    internal AgendaBounds Bounds => (dueIndex ??= AgendaDueIndex.Of(this)).Bounds(this);

    /// <summary>Keys changed since the last write (<see cref="RepJournal"/> takes and clears them).</summary>
    internal RepChanges Changes => changes ??= new();

    /// <summary>Puts a task on the agenda; false when the same task was already there.</summary>
    internal bool PutTask(AgendaItem item)
    {
        var key = item.Key;
        if (Agenda.TryGetValue(key, out var existing) && existing == item)
        {
            return false;
        }

        Agenda[key] = item;
        dueIndex?.Add(this, key, item.DueAt);
        Changes.Agenda.Add(key);
        return true;
    }

    /// <summary>Takes a task off the agenda and forgets its prompt; false when neither was there.</summary>
    internal bool CloseTask(string key)
    {
        var onAgenda = Agenda.Remove(key);
        var prompted = Prompted.Remove(key);
        if (onAgenda)
        {
            Changes.Agenda.Add(key);
        }

        if (prompted)
        {
            Changes.Prompted.Add(key);
        }

        return onAgenda || prompted;
    }

    /// <summary>Records that the task was prompted for <paramref name="dueAt"/> (a re-dated task is prompted again).</summary>
    internal void MarkPrompted(string key, DateTimeOffset dueAt)
    {
        Prompted[key] = dueAt;
        Changes.Prompted.Add(key);
    }

    /// <summary>True when the task was prompted for <paramref name="dueAt"/> (a task re-dated since is not).</summary>
    internal bool IsPromptedFor(string key, DateTimeOffset dueAt) => Prompted.TryGetValue(key, out var at) && at == dueAt;

    /// <summary>Adds or removes an owned lead; false when nothing changed.</summary>
    internal bool SetOwned(string leadId, bool owns)
    {
        var changed = owns ? OwnedLeads.Add(leadId) : OwnedLeads.Remove(leadId);
        if (changed)
        {
            Changes.OwnedLeads.Add(leadId);
        }

        return changed;
    }

    /// <summary>Sets a lead's name, or forgets it when <paramref name="name"/> is null; false when nothing changed.</summary>
    internal bool SetLeadName(string leadId, string? name)
    {
        var changed = name is null
            ? LeadNames.Remove(leadId)
            : !(LeadNames.TryGetValue(leadId, out var old) && old == name);
        if (name is not null && changed)
        {
            LeadNames[leadId] = name;
        }

        if (changed)
        {
            Changes.LeadNames.Add(leadId);
        }

        return changed;
    }

    /// <summary>Queues a notification at the end of the outbox.</summary>
    internal void Queue(OutboxEntry entry)
    {
        Outbox.Add(entry);
        Changes.Outbox.Add(entry.Notification.Id);
    }

    /// <summary>Takes an entry out of the outbox (sent, or no longer worth sending).</summary>
    internal void Unqueue(OutboxEntry entry)
    {
        if (Outbox.Remove(entry))
        {
            Changes.Outbox.Add(entry.Notification.Id);
        }
    }

    /// <summary>Takes every entry <paramref name="match"/> picks out of the outbox.</summary>
    internal void UnqueueWhere(Predicate<OutboxEntry> match)
    {
        foreach (var entry in Outbox.FindAll(match))
        {
            Unqueue(entry);
        }
    }

    /// <summary>Moves an entry's next attempt (and with it any change to its attempts made just before).</summary>
    internal void Reschedule(OutboxEntry entry, DateTimeOffset nextAttemptAt)
    {
        entry.NextAttemptAt = nextAttemptAt;
        Changes.Outbox.Add(entry.Notification.Id);
    }

    /// <summary>
    /// A copy without the collections that grow with the rep's leads (agenda, owned leads, lead names,
    /// prompted tasks) and without the outbox, which pages hold by entry: what each journal page stores
    /// whole. The rest is small (profile, counters).
    /// </summary>
    internal RepState Head()
    {
        var head = (RepState)MemberwiseClone();
        (head.Agenda, head.OwnedLeads, head.Prompted, head.LeadNames, head.Outbox, head.JournalFrom, head.changes, head.dueIndex) = ([], [], [], [], [], 0, null, null);
        return head;
    }

    /// <summary>This head with the keyed collections (and journal position) of <paramref name="keyed"/>.</summary>
    internal RepState WithKeyedOf(RepState keyed)
    {
        var state = (RepState)MemberwiseClone();
        (state.Agenda, state.OwnedLeads, state.Prompted, state.LeadNames, state.JournalFrom, state.changes, state.dueIndex) =
            (keyed.Agenda, keyed.OwnedLeads, keyed.Prompted, keyed.LeadNames, keyed.JournalFrom, keyed.changes, null);
        return state;
    }
}
