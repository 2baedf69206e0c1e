namespace SalesCoach.Analytics;

/// <summary>What happened to a lead, as the analytics count it.</summary>
[GenerateSerializer]
public enum LeadEventKind
{
    Created = 0,
    StageEntered = 1,
    StageExited = 2,
    TaskDone = 3,
    TaskSkipped = 4,
    Activity = 5,
    Won = 6,
    Lost = 7,
}
