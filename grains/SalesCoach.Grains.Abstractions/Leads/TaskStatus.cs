namespace SalesCoach.Leads;

/// <summary>The state of one task instance on a lead.</summary>
[GenerateSerializer]
public enum LeadTaskStatus
{
    Open = 0,
    Done = 1,
    Skipped = 2,
}
