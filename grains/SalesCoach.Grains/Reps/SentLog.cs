using SalesCoach.Common;

namespace SalesCoach.Reps;

/// <summary>
/// The ids of the notifications a rep was sent, kept for <see cref="RepOptions.SentRetention"/> so a
/// repeat (a lead re-delivering after a crash) is refused. Stored in its own row ("sent"), beside the
/// rep's state, as 64-bit hashes by UTC day: marking a send writes a few kilobytes of numbers instead of
/// the whole rep (agenda, leads, outbox), and holds no strings, which the serializer tracks one by one.
/// Kept as a journal (<see cref="SentLogPage"/>): a send pass stores only the ids it added, not the
/// thousands a busy rep collects over the retention window.
/// </summary>
/// <remarks>
/// Two ids with the same XxHash3 would make the second look sent: with the few thousand ids a rep has
/// in its retention window the odds are about 10⁻¹², far below a lost message anywhere on the way to Teams.
/// </remarks>
[GenerateSerializer]
public sealed class SentLog : IJournaledState
{
    // Built from Days on first use, never persisted.
    [NonSerialized]
    private HashSet<ulong>? index;

    // What changed since the last write (see TakeChanges); never persisted.
    [NonSerialized]
    private SentLogPage? changes;

    /// <summary>By <see cref="DateOnly.DayNumber"/> of the UTC day sent: the ids' hashes.</summary>
    [Id(0)] public Dictionary<int, List<ulong>> Days { get; set; } = [];

    /// <summary>The first journal page this log does not include (0 before the journal existed).</summary>
    [Id(1)] public long JournalFrom { get; set; }

    public bool Contains(string notificationId) => Index().Contains(IdHash.Of(notificationId));

    /// <summary>How many ids are remembered.</summary>
    public int Count => Index().Count;

    /// <summary>Records a send; false when the id was already recorded.</summary>
    public bool Add(string notificationId, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime).DayNumber;
        var hash = IdHash.Of(notificationId);
        if (!AddHash(day, hash))
        {
            return false;
        }

        changes ??= new();
        (changes.Added.TryGetValue(day, out var ids) ? ids : changes.Added[day] = []).Add(hash);
        return true;
    }

    /// <summary>Forgets the days that ended before <paramref name="before"/>; true when any was forgotten.</summary>
    public bool Prune(DateTimeOffset before)
    {
        var first = DateOnly.FromDateTime(before.UtcDateTime).DayNumber;
        if (PruneDays(first))
        {
            changes ??= new();
            changes.PruneBefore = Math.Max(changes.PruneBefore, first);
            return true;
        }

        return false;
    }

    /// <summary>The ids added and the days forgotten since the last call: the next journal page.</summary>
    public SentLogPage TakeChanges()
    {
        var page = changes ?? new();
        changes = null;
        return page;
    }

    /// <summary>This log after <paramref name="page"/>; a page the log already has changes nothing.</summary>
    public static SentLog Replay(SentLog log, SentLogPage page)
    {
        log.PruneDays(page.PruneBefore);
        foreach (var (day, hashes) in page.Added)
        {
            foreach (var hash in hashes)
            {
                log.AddHash(day, hash);
            }
        }

        return log;
    }

    private bool AddHash(int day, ulong hash)
    {
        if (!Index().Add(hash))
        {
            return false;
        }

        (Days.TryGetValue(day, out var ids) ? ids : Days[day] = []).Add(hash);
        return true;
    }

    private bool PruneDays(int first)
    {
        var old = Days.Keys.Where(d => d < first).ToList();
        foreach (var day in old)
        {
            Days.Remove(day);
        }

        index = old.Count > 0 ? null : index;
        return old.Count > 0;
    }

    private HashSet<ulong> Index() => index ??= [.. Days.Values.SelectMany(ids => ids)];
}
