namespace SalesCoach.Common;

/// <summary>How a command ended; the host maps each to one HTTP status.</summary>
[GenerateSerializer]
public enum OutcomeStatus
{
    Ok = 0,
    Created = 1,
    Invalid = 2,
    NotFound = 3,
    Forbidden = 4,
    Conflict = 5,
}
