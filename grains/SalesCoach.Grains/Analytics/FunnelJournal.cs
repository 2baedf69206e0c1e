using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace SalesCoach.Analytics;

/// <summary>
/// How a funnel stays durable at a cost proportional to what changed: a snapshot of the whole
/// <see cref="FunnelState"/> (stored as "funnel", as before the journal existed) plus numbered journal
/// pages, one per group write, each holding only that write's batches. Every
/// <see cref="PagesPerSnapshot"/> pages the snapshot is rewritten in the background and the pages it
/// covers are deleted, so loading reads one snapshot and at most a few hundred pages.
/// </summary>
/// <remarks>
/// The state holds every lead's applied sequence and every open lead, so writing it whole on each group
/// write made a command's cost grow with the pipeline (16–22 % of the CPU in the <c>durable</c> profile).
/// A snapshot may already contain batches of pages written after it: replay skips them by their
/// sequence, exactly as a lead's re-delivery is skipped. After a failed write the outcome is unknown,
/// so the journal refuses further writes and the owner reloads from storage.
/// </remarks>
internal sealed partial class FunnelJournal(IGrainStorage storage, GrainId grainId, ILogger logger)
{
    /// <summary>The snapshot's state name, the name the whole state had before the journal.</summary>
    public const string SnapshotName = "funnel";

    /// <summary>Pages written between snapshots: bounds the replay at load and amortises the snapshot.</summary>
    public const int PagesPerSnapshot = 256;

    private readonly GrainState<FunnelState> snapshot = new() { State = new FunnelState() };
    private readonly List<(long Number, string? ETag)> pages = [];
    private long next;
    private int snapshotAtPages = PagesPerSnapshot;
    private Task compaction = Task.CompletedTask;

    /// <summary>The state as loaded and as the owner changes it; what <see cref="AppendAsync"/> journals must already be applied to it.</summary>
    public FunnelState State => snapshot.State!;

    /// <summary>True after a write whose outcome is unknown: the owner must reload before writing again.</summary>
    public bool Broken { get; private set; }

    public static string PageName(long number) => $"{SnapshotName}.journal.{number}";

    /// <summary>Reads the snapshot, then replays the pages after it in order, up to the first page not written.</summary>
    public async Task LoadAsync()
    {
        await storage.ReadStateAsync(SnapshotName, grainId, snapshot);
        snapshot.State ??= new FunnelState();
        next = State.JournalFrom;
        while (true)
        {
            var page = new GrainState<FunnelJournalPage>();
            await storage.ReadStateAsync(PageName(next), grainId, page);
            if (!page.RecordExists)
            {
                break;
            }

            foreach (var batch in page.State?.Batches ?? [])
            {
                FunnelAggregates.Apply(State, batch);
            }

            pages.Add((next++, page.ETag));
        }
    }

    /// <summary>Writes <paramref name="batches"/> (already applied to <see cref="State"/>) as the next page; starts a snapshot when one is due.</summary>
    public async Task AppendAsync(IReadOnlyList<LeadEventBatch> batches)
    {
        if (Broken)
        {
            throw new InvalidOperationException($"The funnel journal of {grainId} had a failed write and must be reloaded.");
        }

        var number = next;
        var page = new GrainState<FunnelJournalPage> { State = new FunnelJournalPage { Batches = [.. batches] } };
        try
        {
            await storage.WriteStateAsync(PageName(number), grainId, page);
        }
        catch
        {
            Broken = true;
            throw;
        }

        next = number + 1;
        pages.Add((number, page.ETag));
        if (pages.Count >= snapshotAtPages && compaction.IsCompleted)
        {
            compaction = CompactAsync();
        }
    }

    /// <summary>Completes when no snapshot is being written (the owner awaits it before deactivating).</summary>
    public Task IdleAsync() => compaction;

    private async Task CompactAsync()
    {
        // The snapshot covers every page before `next` and possibly batches not yet journalled (they are
        // applied in memory first); the providers serialise the state before their first await.
        var from = next;
        State.JournalFrom = from;
        try
        {
            await storage.WriteStateAsync(SnapshotName, grainId, snapshot);
        }
        catch (Exception e)
        {
            // The pages stay, so either snapshot (old or new) loads correctly; only the ETag is in doubt.
            // The next try waits for as many pages again: a snapshot that keeps failing (too big for the
            // store) must not cost a whole-state serialisation on every write.
            LogSnapshotFailed(e, grainId);
            snapshotAtPages = pages.Count + PagesPerSnapshot;
            await RefreshSnapshotETagAsync();
            return;
        }

        var covered = pages.Where(p => p.Number < from).ToList();
        pages.RemoveAll(p => p.Number < from);
        snapshotAtPages = PagesPerSnapshot;
        try
        {
            // Pages below the snapshot are never read again; one left behind by a failed delete only takes space.
            await Task.WhenAll(covered.Select(p =>
                storage.ClearStateAsync(PageName(p.Number), grainId, new GrainState<FunnelJournalPage> { ETag = p.ETag, RecordExists = true })));
        }
        catch (Exception e)
        {
            LogPagesNotDeleted(e, grainId);
        }
    }

    private async Task RefreshSnapshotETagAsync()
    {
        try
        {
            var stored = new GrainState<FunnelState>();
            await storage.ReadStateAsync(SnapshotName, grainId, stored);
            snapshot.ETag = stored.ETag;
            snapshot.RecordExists = stored.RecordExists;
        }
        catch (Exception e)
        {
            Broken = true;
            LogSnapshotFailed(e, grainId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the funnel snapshot of {GrainId} failed; the journal pages stay until the next one")]
    private partial void LogSnapshotFailed(Exception e, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting journal pages covered by the funnel snapshot of {GrainId} failed; they are never read again")]
    private partial void LogPagesNotDeleted(Exception e, GrainId grainId);
}
