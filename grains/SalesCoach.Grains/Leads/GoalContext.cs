namespace SalesCoach.Leads;

/// <summary>What a goal is evaluated against: this stay's tasks and activities, the facts, the manual confirmation.</summary>
public sealed record GoalContext(
    IReadOnlyList<TaskInstance> Tasks,
    IReadOnlyList<ActivityView> Activities,
    LeadFacts Facts,
    bool ManualConfirmed);
