using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SalesCoach.Common;

/// <summary>
/// The 64-bit hash a grain keeps in place of an id it only needs to recognise again (the sent log's
/// notification ids, a lead's applied operation ids). Stored: changing it would make every kept id unknown.
/// </summary>
internal static class IdHash
{
    public static ulong Of(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));
}
