namespace SalesCoach.Leads;

/// <summary>What a lead looked like before a command, so <see cref="LeadEvents"/> can tell what the command did.</summary>
public sealed record LeadSnapshot(int Visits, bool LastVisitOpen, IReadOnlyList<LeadTaskStatus> Tasks, int Activities, LeadStatus Status)
{
    public static LeadSnapshot Of(LeadState lead) => new(
        lead.History.Count,
        lead.History.Count > 0 && lead.History[^1].ExitedAt is null,
        [.. lead.Tasks.Select(t => t.Status)],
        lead.Activities.Count,
        lead.Status);
}
