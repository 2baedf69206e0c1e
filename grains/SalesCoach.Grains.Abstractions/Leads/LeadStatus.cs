namespace SalesCoach.Leads;

/// <summary>Where a lead stands overall.</summary>
[GenerateSerializer]
public enum LeadStatus
{
    Open = 0,
    Won = 1,
    Lost = 2,
}
