using Microsoft.Extensions.Logging;
using Orleans.Storage;
using SalesCoach.Common;

namespace SalesCoach.Analytics;

/// <summary>
/// How a funnel is stored: a <see cref="StateJournal{TState, TPage}"/> whose snapshot is the whole
/// <see cref="FunnelState"/> (stored as "funnel", as before the journal existed) and whose pages hold
/// one group write's batches each.
/// </summary>
/// <remarks>
/// The state holds every lead's applied sequence and every open lead, so writing it whole on each group
/// write made a command's cost grow with the pipeline (16–22 % of the CPU in the <c>durable</c> profile).
/// A snapshot may already contain batches of pages written after it: replay skips them by their
/// sequence, exactly as a lead's re-delivery is skipped.
/// </remarks>
internal static class FunnelJournal
{
    /// <summary>The snapshot's state name, the name the whole state had before the journal.</summary>
    public const string SnapshotName = "funnel";

    /// <summary>Pages written between snapshots, at least: bounds the replay at load and amortises the snapshot.</summary>
    public const int PagesPerSnapshot = 256;

    /// <summary>
    /// A funnel with more than <see cref="PagesPerSnapshot"/> × this many leads (applied sequences and open
    /// leads) waits one more page per this many, so a snapshot's cost per write does not grow with the
    /// pipeline's history. (With 20,000 leads, snapshots every 256 pages were 34 % of the <c>commands</c>
    /// process, most of it the serializer recording every lead id it wrote.)
    /// </summary>
    public const int EntriesPerPage = 16;

    /// <summary>At most this many pages between snapshots, so a cold funnel replays a bounded journal (512 reads of 8 on Cosmos DB).</summary>
    public const int MaxPagesPerSnapshot = 4096;

    public static StateJournal<FunnelState, FunnelJournalPage> Create(IGrainStorage storage, GrainId grainId, ILogger logger) =>
        new(storage, grainId, SnapshotName, PagesBetweenSnapshots, Replay, logger);

    /// <summary>How many pages the next snapshot waits for.</summary>
    public static int PagesBetweenSnapshots(FunnelState state) =>
        Math.Clamp((state.Applied.Count + state.Open.Count) / EntriesPerPage, PagesPerSnapshot, MaxPagesPerSnapshot);

    private static FunnelState Replay(FunnelState state, FunnelJournalPage page)
    {
        foreach (var batch in page.Batches)
        {
            FunnelAggregates.Apply(state, batch);
        }

        return state;
    }
}
