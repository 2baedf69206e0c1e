using System.Text.RegularExpressions;
using SalesCoach.Common;
using SalesCoach.Leads;

namespace SalesCoach.Pipelines;

/// <summary>
/// Checks a pipeline definition and reports every problem at once, each with the JSON path a
/// manager can find in their file (<c>stages[2].goal.activity.type</c>).
/// </summary>
public static partial class PipelineValidator
{
    private static readonly string[] ActivityGoalTypes = ["meeting", "email", "call", "demo"];
    private static readonly string[] Strategies = ["roundRobin", "leastLoaded"];

    public static IReadOnlyList<Problem> Validate(PipelineDefinition pipeline)
    {
        var problems = new List<Problem>();
        void Add(string path, string message) => problems.Add(new Problem(path, message));

        if (!IsIdentifier(pipeline.Id))
        {
            Add("id", "is required: letters, digits, '-' or '_' (at most 64)");
        }

        if (string.IsNullOrWhiteSpace(pipeline.Name))
        {
            Add("name", "is required");
        }

        ValidateCriteria(pipeline.Criteria, Add);

        if (pipeline.Stages.Count == 0)
        {
            Add("stages", "a pipeline needs at least one stage");
        }

        var stageIds = new HashSet<string>(StringComparer.Ordinal);
        var taskIds = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < pipeline.Stages.Count; s++)
        {
            ValidateStage(pipeline.Stages[s], $"stages[{s}]", stageIds, taskIds, Add);
        }

        ValidateRules(pipeline.Assignment, "assignment", Add);

        for (var p = 0; p < pipeline.Praise.Count; p++)
        {
            var when = pipeline.Praise[p].When;
            var path = $"praise[{p}].when";
            if (when.StageExited is null && when.Won is null && when.OnTimeStreak is null)
            {
                Add(path, "names no milestone: use stageExited, won or onTimeStreak");
            }

            if (when.StageExited is { } exited && !stageIds.Contains(exited))
            {
                Add($"{path}.stageExited", $"names unknown stage '{exited}'");
            }

            if (when.OnTimeStreak is < 1)
            {
                Add($"{path}.onTimeStreak", "must be at least 1");
            }
        }

        return problems;
    }

    private static void ValidateCriteria(PipelineCriteria? criteria, Action<string, string> add)
    {
        if (criteria is { ValueAtLeast: { } least, ValueBelow: { } below } && least >= below)
        {
            add("criteria.valueBelow", "must be greater than valueAtLeast");
        }
    }

    private static void ValidateStage(
        StageDefinition stage, string path, HashSet<string> stageIds, HashSet<string> taskIds, Action<string, string> add)
    {
        if (!IsIdentifier(stage.Id))
        {
            add($"{path}.id", "is required: letters, digits, '-' or '_' (at most 64)");
        }
        else if (!stageIds.Add(stage.Id))
        {
            add($"{path}.id", $"duplicate stage id '{stage.Id}'");
        }

        if (string.IsNullOrWhiteSpace(stage.Name))
        {
            add($"{path}.name", "is required");
        }

        if (stage.Probability is < 0 or > 1)
        {
            add($"{path}.probability", "must be between 0 and 1");
        }

        if (stage.StaleAfter is not null && (!IsoDuration.TryParse(stage.StaleAfter, out var stale) || stale <= TimeSpan.Zero))
        {
            add($"{path}.staleAfter", $"'{stage.StaleAfter}' is not an ISO-8601 duration such as P7D (more than zero, at most ten years)");
        }

        var stageTaskIds = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < stage.Tasks.Count; t++)
        {
            var task = stage.Tasks[t];
            var taskPath = $"{path}.tasks[{t}]";
            if (!IsIdentifier(task.Id))
            {
                add($"{taskPath}.id", "is required: letters, digits, '-' or '_' (at most 64)");
            }
            else if (!taskIds.Add(task.Id))
            {
                add($"{taskPath}.id", $"duplicate task id '{task.Id}' (task ids are unique across the pipeline)");
            }
            else
            {
                stageTaskIds.Add(task.Id);
            }

            if (string.IsNullOrWhiteSpace(task.Title))
            {
                add($"{taskPath}.title", "is required");
            }

            if (!IsoDuration.TryParse(task.DueAfter, out _))
            {
                add($"{taskPath}.dueAfter", $"'{task.DueAfter}' is not an ISO-8601 duration such as P2D or PT4H (of at most ten years)");
            }

            if (!IsAssignee(task.Assignee))
            {
                add($"{taskPath}.assignee", $"'{task.Assignee}' is not 'owner', 'rep:<id>' or 'team:<id>'");
            }
        }

        if (stage.Goal is { } goal)
        {
            ValidateGoal(goal, $"{path}.goal", stageTaskIds, add);
        }

        if (stage.Lists is { } lists)
        {
            ValidateNames(lists.Subscribe, $"{path}.lists.subscribe", add);
            ValidateNames(lists.Unsubscribe, $"{path}.lists.unsubscribe", add);
        }

        if (stage.Assignment is { } rules)
        {
            ValidateRules(rules, $"{path}.assignment", add);
        }
    }

    private static void ValidateGoal(GoalDefinition goal, string path, HashSet<string> stageTaskIds, Action<string, string> add)
    {
        var kinds = 0;
        if (goal.TaskCompleted is not null)
        {
            kinds++;
            if (!stageTaskIds.Contains(goal.TaskCompleted))
            {
                add($"{path}.taskCompleted", $"names unknown task '{goal.TaskCompleted}' (it must be one of this stage's tasks)");
            }
        }

        if (goal.AllTasksCompleted is not null)
        {
            kinds++;
            if (goal.AllTasksCompleted is false)
            {
                add($"{path}.allTasksCompleted", "must be true when present");
            }
        }

        if (goal.FieldSet is not null)
        {
            kinds++;
            if (!LeadFacts.FieldNames.Contains(goal.FieldSet))
            {
                add($"{path}.fieldSet", $"names unknown field '{goal.FieldSet}'; known: {string.Join(", ", LeadFacts.FieldNames)}");
            }
        }

        if (goal.Activity is { } activity)
        {
            kinds++;
            if (!ActivityGoalTypes.Contains(activity.Type))
            {
                add($"{path}.activity.type", $"'{activity.Type}' is not one of {string.Join(", ", ActivityGoalTypes)}");
            }

            if (activity.Direction is not null and not "in" and not "out")
            {
                add($"{path}.activity.direction", $"'{activity.Direction}' is not 'in' or 'out'");
            }
        }

        if (goal.Manual is not null)
        {
            kinds++;
            if (goal.Manual is false)
            {
                add($"{path}.manual", "must be true when present");
            }
        }

        kinds += ValidateGoalList(goal.All, $"{path}.all", stageTaskIds, add);
        kinds += ValidateGoalList(goal.Any, $"{path}.any", stageTaskIds, add);

        if (kinds == 0)
        {
            add(path, "is empty: use one of taskCompleted, allTasksCompleted, fieldSet, activity, manual, all, any");
        }
        else if (kinds > 1)
        {
            add(path, "has more than one kind; combine goals with 'all' or 'any'");
        }
    }

    private static int ValidateGoalList(List<GoalDefinition>? goals, string path, HashSet<string> stageTaskIds, Action<string, string> add)
    {
        if (goals is null)
        {
            return 0;
        }

        if (goals.Count == 0)
        {
            add(path, "needs at least one goal");
        }

        for (var i = 0; i < goals.Count; i++)
        {
            ValidateGoal(goals[i], $"{path}[{i}]", stageTaskIds, add);
        }

        return 1;
    }

    private static void ValidateRules(List<AssignmentRule> rules, string path, Action<string, string> add)
    {
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var rulePath = $"{path}[{r}]";
            var to = rule.To;
            var targets = (to.Reps is { Count: > 0 } ? 1 : 0) + (to.Team is not null ? 1 : 0) + (to.Tier is not null ? 1 : 0);
            if (targets == 0)
            {
                add($"{rulePath}.to", "names no reps: use reps: [...], team: <id> or tier: <n>");
            }
            else if (targets > 1)
            {
                add($"{rulePath}.to", "use only one of reps, team or tier");
            }

            if (to.Reps is { } reps && reps.Any(string.IsNullOrWhiteSpace))
            {
                add($"{rulePath}.to.reps", "contains an empty rep id");
            }

            if (rule.Strategy is { } strategy && !Strategies.Contains(strategy))
            {
                add($"{rulePath}.strategy", $"'{strategy}' is not one of {string.Join(", ", Strategies)}");
            }

            if (rule.When is { ValueAtLeast: { } least, ValueBelow: { } below } && least >= below)
            {
                add($"{rulePath}.when.valueBelow", "must be greater than valueAtLeast");
            }
        }
    }

    private static void ValidateNames(List<string> names, string path, Action<string, string> add)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                add($"{path}[{i}]", "is empty");
            }
        }
    }

    private static bool IsAssignee(string? assignee) =>
        assignee is null or "owner"
        || (assignee.StartsWith("rep:", StringComparison.Ordinal) && assignee.Length > 4)
        || (assignee.StartsWith("team:", StringComparison.Ordinal) && assignee.Length > 5);

    internal static bool IsIdentifier(string? id) => id is not null && IdentifierPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdentifierPattern();
}
