namespace SalesCoach.Reps;

/// <summary>What a notification to a rep is about; each becomes one card in Teams.</summary>
[GenerateSerializer]
public enum NotificationKind
{
    TaskDue = 0,
    OverdueDigest = 1,
    TaskAssigned = 2,
    StageGuidance = 3,
    Praise = 4,
    Kudos = 5,
    /// <summary>A stale lead was given to another rep (sent to the previous owner and their manager).</summary>
    Reassigned = 6,
}
