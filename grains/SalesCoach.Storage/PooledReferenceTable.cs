using System.Runtime.CompilerServices;
using Orleans.Serialization.Session;

namespace SalesCoach.Storage;

/// <summary>
/// Lends a serializer session a reference table that is kept between writes. Orleans records every object
/// and string it writes (to write a repeat as a reference); past 64 of them it allocates a new dictionary and
/// grows it by doubling, for every state it writes: a fifth of all the bytes a lead command allocated. A
/// session that starts with a table uses it from the first reference on and numbers the references the
/// same way, so the bytes written are the same (<c>PooledReferenceTableTests</c> checks both).
/// </summary>
/// <remarks>
/// The table is a private field of <see cref="ReferencedObjectCollection"/>. If an Orleans version renames
/// it, <see cref="TryLend"/> stops lending (one <see cref="MissingFieldException"/>) and serialization works
/// as Orleans does it alone; a test fails so the upgrade is noticed.
/// </remarks>
internal static class PooledReferenceTable
{
    // Large states (a funnel snapshot) would leave a table whose Clear costs more than it saves on small ones.
    private const int MaxKeptCount = 4096;

    [ThreadStatic]
    private static Dictionary<object, uint>? kept;

    private static bool unavailable;

    /// <summary>Gives <paramref name="session"/> a cleared table; false when Orleans' reference table cannot be reached.</summary>
    public static bool TryLend(SerializerSession session)
    {
        if (unavailable)
        {
            return false;
        }

        try
        {
            ref var table = ref TableOf(session.ReferencedObjects);
            if (table is not null)
            {
                return false;
            }

            table = kept ?? new Dictionary<object, uint>(256, ReferenceEqualityComparer.Instance);
            kept = null;
            return true;
        }
        catch (MissingFieldException)
        {
            unavailable = true;
            return false;
        }
    }

    /// <summary>Takes the table back from <paramref name="session"/> (before the session is reset) and keeps it for the next write on this thread.</summary>
    public static void Return(SerializerSession session)
    {
        ref var table = ref TableOf(session.ReferencedObjects);
        if (table is { } lent)
        {
            table = null;
            if (lent.Count <= MaxKeptCount)
            {
                lent.Clear();
                kept = lent;
            }
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_objectToReferenceOverflow")]
    private static extern ref Dictionary<object, uint>? TableOf(ReferencedObjectCollection references);
}
