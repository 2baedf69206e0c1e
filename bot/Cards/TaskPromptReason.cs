namespace SalesCoach.Bot.Cards;

/// <summary>Why a task prompt is sent.</summary>
public enum TaskPromptReason
{
    /// <summary>The task falls due now.</summary>
    Due = 0,

    /// <summary>The task was just assigned to the rep.</summary>
    Assigned = 1,
}
