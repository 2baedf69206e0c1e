using Microsoft.Extensions.Logging;
using Orleans.Storage;
using SalesCoach.Common;

namespace SalesCoach.Reps;

/// <summary>
/// How a rep is stored: a <see cref="StateJournal{TState, TPage}"/> whose snapshot is the whole
/// <see cref="RepState"/> (stored as "rep", as before the journal existed) and whose pages each hold
/// one write: the head whole and the keyed collections' change (<see cref="RepJournalPage"/>).
/// </summary>
/// <remarks>
/// Every command that touches a rep writes it, and the agenda holds six strings per open task (~150 tasks
/// for a rep with 75 leads): writing the whole row was 18–33 % of the bot's CPU in the endpoint profile.
/// A page holds the keys <see cref="RepState"/>'s change methods recorded since the last write; the grain
/// calls <see cref="WriteAsync"/> where it used to write the whole state.
/// </remarks>
internal sealed class RepJournal(IGrainStorage storage, GrainId grainId, ILogger logger)
{
    /// <summary>The snapshot's state name, the name the whole state had before the journal.</summary>
    public const string SnapshotName = "rep";

    /// <summary>
    /// Pages written between snapshots, at least: a page is about a kilobyte, a snapshot of a busy rep
    /// tens of kilobytes; 32 keeps an activation to a few dozen reads, even on Cosmos.
    /// </summary>
    public const int PagesPerSnapshot = 32;

    /// <summary>
    /// A rep with more than <see cref="PagesPerSnapshot"/> × this many keyed entries waits one more page per
    /// this many entries: the snapshot rewrites every entry, so its cost per write stays about the same
    /// however many leads the rep has. (Rewriting a 400-task agenda every 32 writes was 3 % of the bot's CPU
    /// and 4 % of its allocations in the endpoint profile.)
    /// </summary>
    public const int EntriesPerPage = 8;

    /// <summary>
    /// Up to this many agenda entries, lead names and prompts together, the rep is written whole (one row
    /// of a few kilobytes), as it was before the journal: cheaper than a page and its later delete.
    /// </summary>
    public const int WholeUpToEntries = 48;

    private readonly StateJournal<RepState, RepJournalPage> journal =
        new(storage, grainId, SnapshotName, PagesBetweenSnapshots, RepJournalPage.Replay, logger, IsSmall);

    public RepState State => journal.State;

    /// <inheritdoc cref="StateJournal{TState, TPage}.Broken"/>
    public bool Broken => journal.Broken;

    public Task LoadAsync() => journal.LoadAsync();

    /// <summary>Stores the state as it is in memory now (serialised before the first await, so later changes wait for the next write).</summary>
    public Task WriteAsync()
    {
        // The changes are taken now: after a failed write the grain reloads, so they are never needed again.
        var page = RepJournalPage.Of(State);
        State.Changes.Clear();
        return journal.AppendAsync(page);
    }

    private static bool IsSmall(RepState rep) => rep.Agenda.Count + rep.LeadNames.Count + rep.Prompted.Count <= WholeUpToEntries;

    /// <summary>How many pages the next snapshot waits for (<see cref="PagesPerSnapshot"/>, or more for a large rep).</summary>
    public static int PagesBetweenSnapshots(RepState rep) =>
        Math.Max(PagesPerSnapshot, (rep.Agenda.Count + rep.OwnedLeads.Count + rep.LeadNames.Count + rep.Prompted.Count) / EntriesPerPage);

    /// <inheritdoc cref="StateJournal{TState, TPage}.IdleAsync"/>
    public Task IdleAsync() => journal.IdleAsync();
}
