using SalesCoach.Common;

namespace SalesCoach.Leads;

/// <summary>
/// One lead moving through its pipeline; key = lead id. Each command checks who may do it,
/// records it, evaluates the stage goal (advancing as far as goals allow), persists once and
/// then tells the reps' agendas. Repeats of an operation id return the current lead unchanged.
/// </summary>
[Alias("SalesCoach.Leads.ILeadGrain")]
public interface ILeadGrain : IGrainWithStringKey
{
    /// <summary>Creates the lead and enters its first stage; the same body again returns the lead (200), a different one is a conflict.</summary>
    [Alias("Create")]
    Task<Outcome<LeadView>> CreateAsync(CreateLead command, Actor actor);

    /// <summary>The lead, if the actor may see it.</summary>
    [Alias("Get")]
    Task<Outcome<LeadView>> GetAsync(Actor actor);

    /// <summary>Changes facts; may meet a <c>fieldSet</c> goal.</summary>
    [Alias("UpdateFacts")]
    Task<Outcome<LeadView>> UpdateFactsAsync(LeadFactsPatch patch, Actor actor);

    /// <summary>Marks a task done; may meet a <c>taskCompleted</c> or <c>allTasksCompleted</c> goal.</summary>
    [Alias("CompleteTask")]
    Task<Outcome<LeadView>> CompleteTaskAsync(string taskId, string? operationId, Actor actor);

    /// <summary>Moves an open task's due time (snooze); the assignee's reminder follows.</summary>
    [Alias("SnoozeTask")]
    Task<Outcome<LeadView>> SnoozeTaskAsync(string taskId, DateTimeOffset dueAt, string? operationId, Actor actor);

    /// <summary>Logs an activity (idempotent by its external id); may meet an <c>activity</c> goal.</summary>
    [Alias("LogActivity")]
    Task<Outcome<LeadView>> LogActivityAsync(ActivityInput activity, Actor actor);

    /// <summary>Confirms a <c>manual</c> goal, or moves to <paramref name="stageId"/> (or the next stage) by hand.</summary>
    [Alias("Advance")]
    Task<Outcome<LeadView>> AdvanceAsync(string? stageId, string? operationId, Actor actor);

    /// <summary>Closes the lead as won.</summary>
    [Alias("Win")]
    Task<Outcome<LeadView>> WinAsync(decimal amount, string? operationId, Actor actor);

    /// <summary>Closes the lead as lost.</summary>
    [Alias("Lose")]
    Task<Outcome<LeadView>> LoseAsync(string reason, string? operationId, Actor actor);
}
