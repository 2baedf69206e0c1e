namespace SalesCoach.Lists;

/// <summary>Applied; retry later (429, 5xx, network); rejected for good (400: a bad address); skipped (not configured).</summary>
[GenerateSerializer]
public enum EmailListOutcome
{
    Applied,
    Retry,
    Rejected,
    Skipped,
}
