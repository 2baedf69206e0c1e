using SalesCoach.Pipelines;

namespace SalesCoach.Leads;

/// <summary>Decides whether a stage goal is met.</summary>
public static class GoalEvaluator
{
    /// <summary>The goal a stage uses: its own, or all tasks done when it has tasks, or a manual confirm.</summary>
    public static GoalDefinition EffectiveGoal(StageDefinition stage) =>
        stage.Goal ?? (stage.Tasks.Count > 0 ? new GoalDefinition { AllTasksCompleted = true } : new GoalDefinition { Manual = true });

    public static bool IsMet(GoalDefinition goal, GoalContext context)
    {
        if (goal.TaskCompleted is { } taskId)
        {
            return context.Tasks.Any(t => t.Id == taskId && t.Status == LeadTaskStatus.Done);
        }

        if (goal.AllTasksCompleted is true)
        {
            return context.Tasks.All(t => t.Status == LeadTaskStatus.Done);
        }

        if (goal.FieldSet is { } field)
        {
            return context.Facts.IsSet(field);
        }

        if (goal.Activity is { } activity)
        {
            return context.Activities.Any(a => Matches(activity, a));
        }

        if (goal.Manual is true)
        {
            return context.ManualConfirmed;
        }

        if (goal.All is { } all)
        {
            return all.All(g => IsMet(g, context));
        }

        if (goal.Any is { } any)
        {
            return any.Any(g => IsMet(g, context));
        }

        return false;
    }

    /// <summary>Whether the goal (or one of its parts) asks for a person's confirmation.</summary>
    public static bool HasManual(GoalDefinition goal) =>
        goal.Manual is true
        || (goal.All?.Any(HasManual) ?? false)
        || (goal.Any?.Any(HasManual) ?? false);

    private static bool Matches(ActivityGoal goal, ActivityView activity) =>
        string.Equals(goal.Type, activity.Type, StringComparison.OrdinalIgnoreCase)
        && (goal.Direction is null || string.Equals(goal.Direction, activity.Direction, StringComparison.OrdinalIgnoreCase))
        && (goal.Tag is null || activity.Tags.Contains(goal.Tag, StringComparer.OrdinalIgnoreCase));
}
