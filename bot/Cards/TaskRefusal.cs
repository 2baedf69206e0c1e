namespace SalesCoach.Bot.Cards;

/// <summary>Why a task action was refused; the refused card says it and offers nothing to click.</summary>
public enum TaskRefusal
{
    /// <summary>The task is assigned to someone else (and the clicker may not act for them).</summary>
    NotYours = 0,

    /// <summary>The task was skipped when its stage ended.</summary>
    AlreadySkipped = 1,

    /// <summary>The lead is won or lost.</summary>
    LeadClosed = 2,

    /// <summary>The lead or the task does not exist (any more).</summary>
    NotFound = 3,
}
