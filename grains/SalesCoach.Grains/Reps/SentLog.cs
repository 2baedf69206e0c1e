using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SalesCoach.Reps;

/// <summary>
/// The ids of the notifications a rep was sent, kept for <see cref="RepOptions.SentRetention"/> so a
/// repeat (a lead re-delivering after a crash) is refused. Stored in its own row ("sent"), beside the
/// rep's state, as 64-bit hashes by UTC day: marking a send writes a few kilobytes of numbers instead of
/// the whole rep (agenda, leads, outbox), and holds no strings, which the serializer tracks one by one.
/// </summary>
/// <remarks>
/// Two ids with the same XxHash3 would make the second look sent: with the few thousand ids a rep has
/// in its retention window the odds are about 10⁻¹², far below a lost message anywhere on the way to Teams.
/// </remarks>
[GenerateSerializer]
public sealed class SentLog
{
    // Built from Days on first use, never persisted.
    [NonSerialized]
    private HashSet<ulong>? index;

    /// <summary>By <see cref="DateOnly.DayNumber"/> of the UTC day sent: the ids' hashes.</summary>
    [Id(0)] public Dictionary<int, List<ulong>> Days { get; set; } = [];

    public bool Contains(string notificationId) => Index().Contains(Hash(notificationId));

    /// <summary>Records a send; false when the id was already recorded.</summary>
    public bool Add(string notificationId, DateTimeOffset at)
    {
        var hash = Hash(notificationId);
        if (!Index().Add(hash))
        {
            return false;
        }

        var day = DateOnly.FromDateTime(at.UtcDateTime).DayNumber;
        (Days.TryGetValue(day, out var ids) ? ids : Days[day] = []).Add(hash);
        return true;
    }

    /// <summary>Forgets the days that ended before <paramref name="before"/>; true when any was forgotten.</summary>
    public bool Prune(DateTimeOffset before)
    {
        var first = DateOnly.FromDateTime(before.UtcDateTime).DayNumber;
        var old = Days.Keys.Where(d => d < first).ToList();
        foreach (var day in old)
        {
            Days.Remove(day);
        }

        index = old.Count > 0 ? null : index;
        return old.Count > 0;
    }

    private HashSet<ulong> Index() => index ??= [.. Days.Values.SelectMany(ids => ids)];

    private static ulong Hash(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));
}
