using SalesCoach.Pipelines;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// A stage goal in plain words, as a rep reads it on a card: "Done when a meeting is logged",
/// "Done when the lead's value is set and “Discovery call” is completed".
/// </summary>
public static class GoalDescriber
{
    /// <summary>The sentence for a stage: its goal, or what a stage without a goal waits for.</summary>
    public static string Describe(StageDefinition stage) => Describe(stage.Goal, stage.Tasks);

    /// <summary>"Done when …" for a goal; <paramref name="tasks"/> gives task titles and decides what a missing goal means.</summary>
    public static string Describe(GoalDefinition? goal, IReadOnlyList<TaskDefinition> tasks) =>
        $"Done when {Clause(goal, tasks)}";

    /// <summary>
    /// Whether a rep must confirm the stage: its goal includes <c>manual</c> (anywhere in
    /// <c>all</c>/<c>any</c>), or it has neither goal nor tasks.
    /// </summary>
    public static bool NeedsConfirmation(StageDefinition stage) =>
        stage.Goal is null ? stage.Tasks.Count == 0 : IncludesManual(stage.Goal);

    /// <summary>Whether the goal or any goal inside it is <c>manual</c>.</summary>
    public static bool IncludesManual(GoalDefinition goal) =>
        goal.Manual == true
        || (goal.All?.Exists(IncludesManual) ?? false)
        || (goal.Any?.Exists(IncludesManual) ?? false);

    /// <summary>The goal without "Done when": "a meeting is logged".</summary>
    public static string Clause(GoalDefinition? goal, IReadOnlyList<TaskDefinition> tasks)
    {
        if (goal is null)
        {
            return tasks.Count == 0 ? "you confirm it" : AllTasks(tasks);
        }

        return Describe(goal, tasks, nested: false);
    }

    private static string Describe(GoalDefinition goal, IReadOnlyList<TaskDefinition> tasks, bool nested)
    {
        if (goal.TaskCompleted is { } taskId)
        {
            var title = tasks.FirstOrDefault(t => t.Id == taskId)?.Title ?? taskId;
            return $"“{title}” is completed";
        }

        if (goal.AllTasksCompleted == true)
        {
            return AllTasks(tasks);
        }

        if (goal.FieldSet is { } field)
        {
            return FieldSet(field);
        }

        if (goal.Activity is { } activity)
        {
            return $"{Activity(activity)} is logged";
        }

        if (goal.Manual == true)
        {
            return "you confirm it";
        }

        if (goal.All is { Count: > 0 } all)
        {
            return Combine(all.Select(g => Describe(g, tasks, nested: true)).ToList(), "and", nested ? "both" : null);
        }

        if (goal.Any is { Count: > 0 } any)
        {
            return Combine(any.Select(g => Describe(g, tasks, nested: true)).ToList(), "or", nested ? "either" : null);
        }

        return "you confirm it";
    }

    private static string AllTasks(IReadOnlyList<TaskDefinition> tasks) => tasks.Count switch
    {
        0 => "all its tasks are completed",
        1 => $"“{tasks[0].Title}” is completed",
        2 => "both its tasks are completed",
        _ => $"all {tasks.Count} of its tasks are completed",
    };

    // "a, b and c"; nested combinations are introduced ("either a or b", "both a and b") so
    // "a and either b or c" reads unambiguously.
    private static string Combine(List<string> parts, string conjunction, string? lead)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var list = parts.Count == 2
            ? $"{parts[0]} {conjunction} {parts[1]}"
            : $"{string.Join(", ", parts.Take(parts.Count - 1))} {conjunction} {parts[^1]}";
        return lead switch
        {
            null => list,
            "both" when parts.Count > 2 => $"all of {list}",
            "either" when parts.Count > 2 => $"one of {list}",
            _ => $"{lead} {list}",
        };
    }

    private static string FieldSet(string field) => field.ToLowerInvariant() switch
    {
        "name" => "the lead has a name",
        "company" => "the lead's company is set",
        "emails" => "the lead has a contact email",
        "value" => "the lead's value is set",
        "currency" => "the lead's currency is set",
        "product" => "the lead's product is set",
        "territory" => "the lead's territory is set",
        "source" => "the lead's source is set",
        _ => $"the lead's {field} is set",
    };

    private static string Activity(ActivityGoal activity)
    {
        var direction = activity.Direction?.ToLowerInvariant() switch
        {
            "in" => "incoming ",
            "out" => "outgoing ",
            _ => "",
        };
        var type = string.IsNullOrWhiteSpace(activity.Type) ? "activity" : activity.Type.ToLowerInvariant();
        var noun = $"{direction}{type}";
        var article = "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
        var tag = string.IsNullOrWhiteSpace(activity.Tag) ? "" : $" tagged “{activity.Tag}”";
        return $"{article} {noun}{tag}";
    }
}
