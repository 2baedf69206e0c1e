using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace SalesCoach.Common;

/// <summary>A state kept by a <see cref="StateJournal{TState, TPage}"/>: it remembers the first page its snapshot does not include.</summary>
public interface IJournaledState
{
    /// <summary>The first journal page this state does not include (0 for a row stored before its journal existed).</summary>
    long JournalFrom { get; set; }
}

/// <summary>
/// How a large grain state stays durable at a cost proportional to what changed: a snapshot of the
/// whole state (under the state's old name, so rows stored before the journal load as they are) plus
/// numbered pages ("&lt;name&gt;.journal.&lt;n&gt;"), one per write, each holding only that write's
/// change. Every <c>pagesPerSnapshot(state)</c> pages the snapshot is rewritten in the background and
/// the pages it covers are deleted, so loading reads one snapshot and a bounded number of pages. The
/// owner may let a larger state wait for more pages: a snapshot costs what the whole state costs. A state
/// the owner calls small (<c>writeWhole</c>) is written whole while it has no pages: one row rewritten
/// costs less than a page now and its delete later.
/// </summary>
/// <remarks>
/// A snapshot is taken of the state in memory, which may already include the change of a page written
/// after it: <c>replay</c> must give the same state when a page is applied to a state that already has
/// it (absolute values or sequence-checked deltas, never increments). After a failed write the outcome
/// is unknown, so the journal refuses further writes and the owner must reload from storage.
/// </remarks>
internal sealed partial class StateJournal<TState, TPage>(
    IGrainStorage storage,
    GrainId grainId,
    string snapshotName,
    Func<TState, int> pagesPerSnapshot,
    Func<TState, TPage, TState> replay,
    ILogger logger,
    Func<TState, bool>? writeWhole = null)
    where TState : class, IJournaledState, new()
    where TPage : class, new()
{
    private readonly GrainState<TState> snapshot = new() { State = new TState() };
    private readonly List<(long Number, string? ETag)> pages = [];
    private long next;
    // Pages there were when the last snapshot failed: the next try waits for as many pages again.
    private int pagesAtFailedSnapshot;
    private Task compaction = Task.CompletedTask;

    /// <summary>The state as loaded and as the owner changes it; what <see cref="AppendAsync"/> journals must already be applied to it.</summary>
    public TState State => snapshot.State!;

    /// <summary>True after a write whose outcome is unknown: the owner must reload before writing again.</summary>
    public bool Broken { get; private set; }

    public static string PageName(string snapshotName, long number) => $"{snapshotName}.journal.{number}";

    /// <summary>
    /// Reads the snapshot, then replays the pages after it in order, up to the first page not written.
    /// Once the first page is found, pages are read <see cref="ReadAhead"/> at a time: a cold grain on
    /// Cosmos DB pays a few round trips, not one per page, and a state with no pages (written whole) pays
    /// one read, not a window of reads of pages that are not there.
    /// </summary>
    public async Task LoadAsync()
    {
        await storage.ReadStateAsync(snapshotName, grainId, snapshot);
        snapshot.State ??= new TState();
        next = State.JournalFrom;
        for (var window = 1; ; window = ReadAhead)
        {
            var read = await Task.WhenAll(Enumerable.Range(0, window).Select(i => ReadPageAsync(next + i)));
            foreach (var page in read)
            {
                if (!page.RecordExists)
                {
                    return;
                }

                var from = State.JournalFrom;
                snapshot.State = replay(State, page.State ?? new TPage());
                State.JournalFrom = from;
                pages.Add((next++, page.ETag));
            }
        }
    }

    /// <summary>Pages read together when loading.</summary>
    public const int ReadAhead = 8;

    private async Task<GrainState<TPage>> ReadPageAsync(long number)
    {
        var page = new GrainState<TPage>();
        await storage.ReadStateAsync(PageName(snapshotName, number), grainId, page);
        return page;
    }

    /// <summary>Writes <paramref name="change"/> (already applied to <see cref="State"/>) as the next page; starts a snapshot when one is due.</summary>
    public async Task AppendAsync(TPage change)
    {
        if (Broken)
        {
            throw new InvalidOperationException($"The journal '{snapshotName}' of {grainId} had a failed write and must be reloaded.");
        }

        if (pages.Count == 0 && compaction.IsCompleted && writeWhole?.Invoke(State) == true)
        {
            await WriteWholeAsync();
            return;
        }

        var number = next;
        var page = new GrainState<TPage> { State = change };
        try
        {
            await storage.WriteStateAsync(PageName(snapshotName, number), grainId, page);
        }
        catch
        {
            Broken = true;
            throw;
        }

        next = number + 1;
        pages.Add((number, page.ETag));
        if (pages.Count - pagesAtFailedSnapshot >= pagesPerSnapshot(State) && compaction.IsCompleted)
        {
            compaction = CompactAsync();
        }
    }

    private async Task WriteWholeAsync()
    {
        State.JournalFrom = next; // no page at or after `next` exists
        try
        {
            await storage.WriteStateAsync(snapshotName, grainId, snapshot);
        }
        catch
        {
            Broken = true;
            throw;
        }
    }

    /// <summary>Completes when no snapshot is being written (the owner awaits it before deactivating).</summary>
    public Task IdleAsync() => compaction;

    private async Task CompactAsync()
    {
        // The snapshot covers every page before `next` and possibly changes not yet journalled (the owner
        // applies them in memory first); the providers serialise the state before their first await.
        var from = next;
        State.JournalFrom = from;
        try
        {
            await storage.WriteStateAsync(snapshotName, grainId, snapshot);
        }
        catch (Exception e)
        {
            // The pages stay, so either snapshot (old or new) loads correctly; only the ETag is in doubt.
            // The next try waits for as many pages again: a snapshot that keeps failing (too big for the
            // store) must not cost a whole-state serialisation on every write.
            LogSnapshotFailed(e, snapshotName, grainId);
            pagesAtFailedSnapshot = pages.Count;
            await RefreshSnapshotETagAsync();
            return;
        }

        var covered = pages.Where(p => p.Number < from).ToList();
        pages.RemoveAll(p => p.Number < from);
        pagesAtFailedSnapshot = 0;
        try
        {
            // Pages below the snapshot are never read again; one left behind by a failed delete only takes space.
            await Task.WhenAll(covered.Select(p =>
                storage.ClearStateAsync(PageName(snapshotName, p.Number), grainId, new GrainState<TPage> { ETag = p.ETag, RecordExists = true })));
        }
        catch (Exception e)
        {
            LogPagesNotDeleted(e, snapshotName, grainId);
        }
    }

    private async Task RefreshSnapshotETagAsync()
    {
        try
        {
            var stored = new GrainState<TState>();
            await storage.ReadStateAsync(snapshotName, grainId, stored);
            snapshot.ETag = stored.ETag;
            snapshot.RecordExists = stored.RecordExists;
        }
        catch (Exception e)
        {
            Broken = true;
            LogSnapshotFailed(e, snapshotName, grainId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the snapshot '{SnapshotName}' of {GrainId} failed; the journal pages stay until the next one")]
    private partial void LogSnapshotFailed(Exception e, string snapshotName, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting journal pages covered by the snapshot '{SnapshotName}' of {GrainId} failed; they are never read again")]
    private partial void LogPagesNotDeleted(Exception e, string snapshotName, GrainId grainId);
}
