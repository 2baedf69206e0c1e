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
/// A page is computed against what storage holds (one pass over each collection), so the grain changes
/// its state as before and calls <see cref="WriteAsync"/> where it used to write the whole state.
/// </remarks>
internal sealed class RepJournal(IGrainStorage storage, GrainId grainId, ILogger logger)
{
    /// <summary>The snapshot's state name, the name the whole state had before the journal.</summary>
    public const string SnapshotName = "rep";

    /// <summary>
    /// Pages written between snapshots: a page is about a kilobyte, a snapshot of a busy rep tens of
    /// kilobytes; 32 keeps an activation to a few dozen reads, even on Cosmos.
    /// </summary>
    public const int PagesPerSnapshot = 32;

    private readonly StateJournal<RepState, RepJournalPage> journal =
        new(storage, grainId, SnapshotName, PagesPerSnapshot, RepJournalPage.Replay, logger);

    // The keyed collections as storage holds them (snapshot and pages): what the next page is computed against.
    private readonly RepState stored = new();

    public RepState State => journal.State;

    /// <inheritdoc cref="StateJournal{TState, TPage}.Broken"/>
    public bool Broken => journal.Broken;

    public async Task LoadAsync()
    {
        await journal.LoadAsync();
        RepJournalPage.Between(stored, State).ApplyKeyedTo(stored);
    }

    /// <summary>Stores the state as it is in memory now (serialised before the first await, so later changes wait for the next write).</summary>
    public async Task WriteAsync()
    {
        var page = RepJournalPage.Between(stored, State);
        await journal.AppendAsync(page);
        page.ApplyKeyedTo(stored);
    }

    /// <inheritdoc cref="StateJournal{TState, TPage}.IdleAsync"/>
    public Task IdleAsync() => journal.IdleAsync();
}
