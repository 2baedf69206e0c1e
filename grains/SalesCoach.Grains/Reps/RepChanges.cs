namespace SalesCoach.Reps;

/// <summary>
/// The keys of a rep's keyed collections changed in memory since its last write: what the next
/// <see cref="RepJournalPage"/> holds. Recorded by <see cref="RepState"/>'s change methods, so a write
/// costs what changed, not a pass over an agenda of hundreds of tasks.
/// </summary>
public sealed class RepChanges
{
    public HashSet<string> Agenda { get; } = [];
    public HashSet<string> OwnedLeads { get; } = [];
    public HashSet<string> Prompted { get; } = [];
    public HashSet<string> LeadNames { get; } = [];

    /// <summary>Outbox entries queued, re-scheduled or taken out, by notification id.</summary>
    public HashSet<string> Outbox { get; } = [];

    public void Clear()
    {
        Agenda.Clear();
        OwnedLeads.Clear();
        Prompted.Clear();
        LeadNames.Clear();
        Outbox.Clear();
    }
}
