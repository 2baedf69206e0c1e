using SalesCoach.Common;

namespace SalesCoach.Leads;

/// <summary>
/// The operation ids a lead has applied, so a repeated command (a retried card click, a re-sent
/// request) answers with the lead as it is instead of applying twice. Kept as 64-bit hashes, newest
/// last, the last <see cref="Kept"/>: a card click's id is ~100 characters, so 256 of them were ~25 KB
/// of strings in memory and ~10 KB in every write of a busy lead's row, where the hashes take 2 KB.
/// </summary>
/// <remarks>
/// Two ids with the same XxHash3 would make the second look applied: among the 256 ids of one lead the
/// odds are about 10⁻¹⁵. Rows stored before the hashes keep their ids in <see cref="LeadState.Operations"/>:
/// they are still recognised, and move into the hashes with the lead's next command.
/// </remarks>
internal static class AppliedOperations
{
    /// <summary>How many of a lead's latest operation ids are remembered.</summary>
    public const int Kept = 256;

    public static bool Contains(LeadState lead, string operationId) =>
        lead.AppliedOperations.Contains(IdHash.Of(operationId)) || lead.Operations.Contains(operationId);

    /// <summary>Records an applied operation, forgetting the oldest beyond <see cref="Kept"/>.</summary>
    public static void Add(LeadState lead, string operationId)
    {
        if (lead.Operations.Count > 0)
        {
            lead.AppliedOperations.InsertRange(0, lead.Operations.Select(IdHash.Of));
            lead.Operations.Clear();
        }

        lead.AppliedOperations.Add(IdHash.Of(operationId));
        if (lead.AppliedOperations.Count > Kept)
        {
            lead.AppliedOperations.RemoveRange(0, lead.AppliedOperations.Count - Kept);
        }
    }
}
