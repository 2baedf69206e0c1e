using SalesCoach.Pipelines;

namespace SalesCoach.Leads;

/// <summary>
/// The stage rules of one command on one lead: entering a stage creates its tasks with due dates,
/// a met goal skips the open tasks, exits with <c>goal</c> and enters the next stage, as far as
/// goals allow. Plain code over the lead's state; the grain orchestrates, persists and publishes.
/// </summary>
public sealed class StageMachine(PipelineDefinition pipeline, LeadState lead, DateTimeOffset now)
{
    private readonly List<TaskInstance> changedTasks = [];
    private readonly List<TaskInstance> createdTasks = [];

    /// <summary>Tasks created, re-dated or closed during this command (what the agendas must hear about).</summary>
    public IReadOnlyList<TaskInstance> ChangedTasks => changedTasks;

    /// <summary>Tasks created during this command.</summary>
    public IReadOnlyList<TaskInstance> CreatedTasks => createdTasks;

    /// <summary>Whether the stage the lead is in now was entered during this command.</summary>
    public bool EnteredCurrentStage { get; private set; }

    public StageDefinition CurrentStage => pipeline.Stages[lead.StageIndex];

    public bool IsLastStage => lead.StageIndex == pipeline.Stages.Count - 1;

    public StageVisit CurrentVisit => lead.History[^1];

    /// <summary>The tasks of the current stay in the stage.</summary>
    public IReadOnlyList<TaskInstance> CurrentTasks => lead.Tasks.GetRange(CurrentVisit.FirstTask, lead.Tasks.Count - CurrentVisit.FirstTask);

    /// <summary>Enters the stage at <paramref name="index"/> (re-assigning by its rules), then advances while goals are met.</summary>
    public async Task EnterAsync(int index, Func<StageDefinition, ValueTask<string?>> ownerForStage)
    {
        var stage = pipeline.Stages[index];
        if (stage.Assignment is { Count: > 0 } && await ownerForStage(stage) is { } owner)
        {
            lead.OwnerId = owner;
        }

        lead.StageIndex = index;
        lead.ManualConfirmed = false;
        lead.History.Add(new StageVisit
        {
            StageId = stage.Id,
            EnteredAt = now,
            FirstTask = lead.Tasks.Count,
            FirstActivity = lead.Activities.Count,
        });

        foreach (var definition in stage.Tasks)
        {
            IsoDuration.TryParse(definition.DueAfter, out var dueAfter);
            var task = new TaskInstance
            {
                Id = definition.Id,
                StageId = stage.Id,
                Title = definition.Title,
                Description = definition.Description,
                Status = LeadTaskStatus.Open,
                DueAt = now + dueAfter,
                AssigneeId = ResolveAssignee(definition.Assignee),
            };
            lead.Tasks.Add(task);
            changedTasks.Add(task);
            createdTasks.Add(task);
        }

        EnteredCurrentStage = true;

        await SettleAsync(ownerForStage);
    }

    /// <summary>Advances stage after stage while the current goal is met; the last stage is left only by won or lost.</summary>
    public async Task SettleAsync(Func<StageDefinition, ValueTask<string?>> ownerForStage)
    {
        if (lead.Status == LeadStatus.Open && !IsLastStage && GoalMet())
        {
            Exit(StageExit.Goal);
            await EnterAsync(lead.StageIndex + 1, ownerForStage);
        }
    }

    public bool GoalMet() => GoalEvaluator.IsMet(GoalEvaluator.EffectiveGoal(CurrentStage), Context());

    public GoalContext Context() => new(
        CurrentTasks,
        lead.Activities.GetRange(CurrentVisit.FirstActivity, lead.Activities.Count - CurrentVisit.FirstActivity),
        lead.Facts,
        lead.ManualConfirmed);

    /// <summary>Leaves the current stage: its open tasks are skipped.</summary>
    public void Exit(StageExit how)
    {
        foreach (var task in CurrentTasks.Where(t => t.Status == LeadTaskStatus.Open))
        {
            task.Status = LeadTaskStatus.Skipped;
            changedTasks.Add(task);
        }

        CurrentVisit.ExitedAt = now;
        CurrentVisit.Exit = how;
    }

    public void CompleteTask(TaskInstance task, string by)
    {
        task.Status = LeadTaskStatus.Done;
        task.DoneBy = by;
        task.DoneAt = now;
        changedTasks.Add(task);
    }

    /// <summary>Moves an open task's due time.</summary>
    public void Snooze(TaskInstance task, DateTimeOffset dueAt)
    {
        task.DueAt = dueAt;
        changedTasks.Add(task);
    }

    /// <summary>Closes the lead from whatever stage it is in.</summary>
    public void Close(LeadStatus status, decimal? amount, string? reason, string by)
    {
        Exit(status == LeadStatus.Won ? StageExit.Won : StageExit.Lost);
        lead.Status = status;
        lead.Outcome = new OutcomeView(status, amount, reason, now, by);
    }

    /// <summary>The newest instance of a task on this lead, or null.</summary>
    /// <summary>Marks a task changed outside the machine (given to another assignee), so the agendas hear of it.</summary>
    public void MarkChanged(TaskInstance task) => changedTasks.Add(task);

    public TaskInstance? FindTask(string taskId) => lead.Tasks.LastOrDefault(t => t.Id == taskId);

    private string ResolveAssignee(string? assignee) => assignee switch
    {
        null or "owner" => lead.OwnerId,
        _ when assignee.StartsWith("rep:", StringComparison.Ordinal) => assignee[4..],
        _ => assignee, // team:<id> stays a team task
    };
}
