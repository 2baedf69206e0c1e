using Microsoft.Extensions.Logging;
using SalesCoach.Access;
using SalesCoach.Analytics;
using SalesCoach.Assignment;
using SalesCoach.Common;
using SalesCoach.Enrichment;
using SalesCoach.Lists;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Leads;

/// <summary>
/// A lead running through its pipeline. Each command: check who may do it, record it, let the
/// <see cref="StageMachine"/> advance as far as goals allow, persist once, then tell the agendas
/// and the email index (the effects are persisted with the command, so a crash loses none).
/// </summary>
public sealed partial class LeadGrain(
    [PersistentState("lead", StorageNames.Leads)] IPersistentState<LeadState> state,
    IGrainFactory grains,
    SalesClock clock,
    IEnricher enricher,
    ILogger<LeadGrain> logger) : Grain, ILeadGrain, IRemindable
{
    /// <summary>The lead's one reminder, held only while its stage has <c>staleAfter</c>.</summary>
    public const string StaleReminder = "stale";

    private PipelineDefinition? pipeline;
    private (string Owner, RepProfile? Profile)? ownerProfile;

    private LeadState Lead => state.State;

    // Orleans decodes the key into a new string on every call; one per activation is shared by everything the
    // lead hands out (agenda items, events, the funnel's entry), instead of a copy in each.
    private string? id;

    private string Id => id ??= this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Lead.Pending.Count > 0)
        {
            await DeliverPendingAsync();
        }
    }

    public async Task<Outcome<LeadView>> CreateAsync(CreateLead command, Actor actor)
    {
        if (Lead.Exists)
        {
            if (!await CanSeeAsync(actor))
            {
                return Outcome<LeadView>.Conflict($"lead '{Id}' already exists");
            }

            return Lead.CreatedWith is { } first && SameCreate(first, command)
                ? Outcome<LeadView>.Ok(await ViewAsync())
                : Outcome<LeadView>.Conflict($"lead '{Id}' already exists with other facts");
        }

        var problems = LeadInputValidator.ValidateFacts(command.Facts);
        if (command.PipelineId is not null && !PipelineValidator.IsIdentifier(command.PipelineId))
        {
            problems.Add(new Problem("pipelineId", $"'{command.PipelineId}' is not a pipeline id"));
        }

        if (command.OwnerId is not null && string.IsNullOrWhiteSpace(command.OwnerId))
        {
            problems.Add(new Problem("ownerId", "cannot be empty: leave it out to assign by the pipeline's rules"));
        }

        var pipelineId = command.PipelineId
            ?? await grains.GetGrain<IPipelineRegistryGrain>(IPipelineRegistryGrain.DefaultKey).RouteAsync(command.Facts);
        var definition = PipelineValidator.IsIdentifier(pipelineId) ? await grains.GetGrain<IPipelineGrain>(pipelineId!).GetAsync() : null;
        if (pipelineId is null)
        {
            problems.Add(new Problem("pipelineId", "no pipeline's criteria match this lead; name a pipeline"));
        }
        else if (definition is null && PipelineValidator.IsIdentifier(pipelineId))
        {
            problems.Add(new Problem("pipelineId", $"unknown pipeline '{pipelineId}'"));
        }

        if (problems.Count > 0 || definition is null)
        {
            return Outcome<LeadView>.Invalid(problems);
        }

        if (command.OwnerId is { } requestedOwner && requestedOwner != actor.Id && !actor.IsAdmin
            && !await AccessRules.IsManagerOfAsync(grains, actor.Id, requestedOwner))
        {
            return Outcome<LeadView>.Forbidden($"only an administrator or the manager of '{requestedOwner}' may give them a lead");
        }

        var owner = command.OwnerId
            ?? await grains.GetGrain<IAssignmentGrain>(definition.Id).AssignAsync(definition.Assignment, command.Facts)
            ?? actor.Id;

        return await RunAsync(null, async () =>
        {
            pipeline = definition;
            Lead.Exists = true;
            Lead.CreatedWith = command;
            Lead.Facts = WithCompanyGuess(command.Facts);
            Lead.OwnerId = owner;
            Lead.PipelineId = definition.Id;
            Lead.PipelineVersion = definition.Version;
            Lead.CreatedAt = clock.Now;
            var machine = new StageMachine(definition, Lead, clock.Now);
            await machine.EnterAsync(0, OwnerForStageAsync);
            return machine;
        }, previousOwner: null, previousEmails: [], created: true);
    }

    public async Task<Outcome<LeadView>> GetAsync(Actor actor)
    {
        if (!Lead.Exists)
        {
            return NotFound();
        }

        return await CanSeeAsync(actor)
            ? Outcome<LeadView>.Ok(await ViewAsync())
            : Outcome<LeadView>.Forbidden("you may only see your own leads, your team's, or leads with your tasks");
    }

    public async Task<Outcome<LeadView>> UpdateFactsAsync(LeadFactsPatch patch, Actor actor)
    {
        if (await CheckAsync(patch.OperationId, actor, requireOpen: false) is { } refusal)
        {
            return refusal;
        }

        var problems = LeadInputValidator.ValidatePatch(patch);
        if (problems.Count > 0)
        {
            return Outcome<LeadView>.Invalid(problems);
        }

        var emailsBefore = Lead.Facts.Emails;
        return await RunAsync(patch.OperationId, async () =>
        {
            Lead.Facts = patch.ApplyTo(Lead.Facts);
            var machine = await MachineAsync();
            await machine.SettleAsync(OwnerForStageAsync);
            return machine;
        }, Lead.OwnerId, emailsBefore);
    }

    public async Task<Outcome<LeadView>> CompleteTaskAsync(string taskId, string? operationId, Actor actor)
    {
        var (machine, task, refusal) = await TaskCommandAsync(taskId, operationId, actor, "complete");
        if (refusal is not null)
        {
            return refusal;
        }

        switch (task!.Status)
        {
            case LeadTaskStatus.Done:
                return Outcome<LeadView>.Ok(await ViewAsync());
            case LeadTaskStatus.Skipped:
                return Outcome<LeadView>.Conflict($"task '{taskId}' was skipped when its stage ended");
        }

        return await RunAsync(operationId, async () =>
        {
            machine!.CompleteTask(task, actor.Id);
            await machine.SettleAsync(OwnerForStageAsync);
            return machine;
        }, Lead.OwnerId, Lead.Facts.Emails);
    }

    public async Task<Outcome<LeadView>> SnoozeTaskAsync(string taskId, DateTimeOffset dueAt, string? operationId, Actor actor)
    {
        var (machine, task, refusal) = await TaskCommandAsync(taskId, operationId, actor, "snooze");
        if (refusal is not null)
        {
            return refusal;
        }

        if (task!.Status != LeadTaskStatus.Open)
        {
            return Outcome<LeadView>.Conflict($"task '{taskId}' is already {task.Status.ToString().ToLowerInvariant()}");
        }

        if (dueAt <= clock.Now)
        {
            return Outcome<LeadView>.Invalid("dueAt", "must be in the future");
        }

        return await RunAsync(operationId, () =>
        {
            machine!.Snooze(task, dueAt);
            return Task.FromResult(machine);
        }, Lead.OwnerId, Lead.Facts.Emails);
    }

    public async Task<Outcome<LeadView>> LogActivityAsync(ActivityInput activity, Actor actor)
    {
        if (!Lead.Exists)
        {
            return NotFound();
        }

        if (!await CanManageAsync(actor) && !await HasTaskAsync(actor))
        {
            return Outcome<LeadView>.Forbidden("only the lead's owner, their manager or a rep with a task on it may log activities");
        }

        if (activity.ExternalId is { } externalId && Lead.Activities.Exists(a => a.ExternalId == externalId))
        {
            return Outcome<LeadView>.Ok(await ViewAsync());
        }

        var problems = LeadInputValidator.ValidateActivity(activity);
        if (problems.Count > 0)
        {
            return Outcome<LeadView>.Invalid(problems);
        }

        return await RunAsync(null, async () =>
        {
            var machine = await MachineAsync();
            Lead.Activities.Add(new ActivityView
            {
                Id = $"a{Lead.Activities.Count + 1}",
                Type = activity.Type,
                Direction = activity.Direction,
                Subject = activity.Subject,
                At = activity.At ?? clock.Now,
                ExternalId = activity.ExternalId,
                Tags = activity.Tags ?? [],
                StageId = machine.CurrentStage.Id,
                LoggedBy = actor.Id,
                Message = activity.Message,
            });
            await machine.SettleAsync(OwnerForStageAsync);
            return machine;
        }, Lead.OwnerId, Lead.Facts.Emails);
    }

    public async Task<Outcome<LeadView>> AdvanceAsync(string? stageId, string? operationId, Actor actor)
    {
        if (await CheckAsync(operationId, actor, requireOpen: true) is { } refusal)
        {
            return refusal;
        }

        var machine = await MachineAsync();
        var target = stageId is null ? -1 : pipeline!.Stages.FindIndex(s => s.Id == stageId);
        if (stageId is not null && target < 0)
        {
            return Outcome<LeadView>.Invalid("stageId", $"unknown stage '{stageId}'");
        }

        var confirming = (stageId is null || target == Lead.StageIndex)
            && GoalEvaluator.HasManual(GoalEvaluator.EffectiveGoal(machine.CurrentStage));
        if (target < 0 && machine.IsLastStage)
        {
            return Outcome<LeadView>.Conflict("the last stage is left only by won or lost");
        }

        return await RunAsync(operationId, async () =>
        {
            if (confirming)
            {
                Lead.ManualConfirmed = true;
                await machine.SettleAsync(OwnerForStageAsync);
            }
            else
            {
                machine.Exit(StageExit.Manual);
                await machine.EnterAsync(target < 0 ? Lead.StageIndex + 1 : target, OwnerForStageAsync);
            }

            return machine;
        }, Lead.OwnerId, Lead.Facts.Emails);
    }

    public Task<Outcome<LeadView>> WinAsync(decimal amount, string? operationId, Actor actor) =>
        amount < 0
            ? Task.FromResult(Outcome<LeadView>.Invalid("amount", "cannot be negative"))
            : CloseAsync(LeadStatus.Won, amount, null, operationId, actor);

    public Task<Outcome<LeadView>> LoseAsync(string reason, string? operationId, Actor actor) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(Outcome<LeadView>.Invalid("reason", "is required"))
            : CloseAsync(LeadStatus.Lost, null, reason, operationId, actor);

    private async Task<Outcome<LeadView>> CloseAsync(LeadStatus status, decimal? amount, string? reason, string? operationId, Actor actor)
    {
        if (Lead.Exists && Lead.Status == status && await CanManageAsync(actor))
        {
            return Outcome<LeadView>.Ok(await ViewAsync()); // closing twice the same way is a repeat
        }

        if (await CheckAsync(operationId, actor, requireOpen: true) is { } refusal)
        {
            return refusal;
        }

        return await RunAsync(operationId, async () =>
        {
            var machine = await MachineAsync();
            machine.Close(status, amount, reason, actor.Id);
            return machine;
        }, Lead.OwnerId, Lead.Facts.Emails);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != StaleReminder)
        {
            return;
        }

        Lead.StaleCheckAt = null;
        if (Lead.Exists && Lead.Status == LeadStatus.Open && StaleAfter(await MachineAsync()) is { } staleAfter
            && Lead.LastActivityAt is { } last && clock.Now >= last + staleAfter)
        {
            await ReassignStaleAsync();
        }

        await ArmStaleCheckAsync(unregisterWhenIdle: true);
    }

    /// <summary>
    /// Gives a stale lead to the rep the stage's (or else the pipeline's) assignment rules pick,
    /// never the current owner (away reps are never picked); tells the previous owner and their manager.
    /// With nobody else to pick the lead stays, and is checked again after another <c>staleAfter</c>.
    /// </summary>
    private async Task ReassignStaleAsync()
    {
        var definition = await PipelineAsync();
        var machine = await MachineAsync();
        var stage = machine.CurrentStage;
        var previous = Lead.OwnerId;
        var next = (stage.Assignment is { Count: > 0 } stageRules
                ? await grains.GetGrain<IAssignmentGrain>($"{Lead.PipelineId}/{stage.Id}").AssignExcludingAsync(stageRules, Lead.Facts, previous)
                : null)
            ?? await grains.GetGrain<IAssignmentGrain>(definition.Id).AssignExcludingAsync(definition.Assignment, Lead.Facts, previous);
        if (next is null)
        {
            LogNobodyToReassign(Id, previous);
            Lead.LastActivityAt = clock.Now; // try again after another staleAfter
            await state.WriteStateAsync();
            return;
        }

        var manager = (await grains.GetGrain<IRepGrain>(previous).GetProfileAsync())?.ManagerId;
        var visit = Lead.History.Count;
        await RunAsync($"stale:{visit}@{Lead.LastActivityAt?.UtcTicks}", () =>
        {
            Lead.OwnerId = next;
            var moved = Lead.Tasks.Where(t => t.Status == LeadTaskStatus.Open && t.AssigneeId == previous).ToList();
            foreach (var task in moved)
            {
                task.AssigneeId = next;
                machine.MarkChanged(task);
            }

            if (moved.Count > 0)
            {
                var closed = new AgendaChange { LeadId = Id, LeadName = Lead.Facts.Name, ClosedTaskIds = [.. moved.Select(t => t.Id)] };
                Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, previous, closed, null));
            }

            foreach (var repId in new[] { previous, manager }.OfType<string>().Distinct())
            {
                Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, repId, null, null, new Notification
                {
                    Id = $"reassigned:{Id}/{visit}/{previous}->{next}",
                    RepId = repId,
                    Kind = NotificationKind.Reassigned,
                    Title = $"{Lead.Facts.Name} was reassigned to {next}",
                    Text = $"No activity on {Lead.Facts.Name} for {stage.StaleAfter} in {stage.Name}: it moved from {previous} to {next}.",
                    LeadId = Id,
                    LeadName = Lead.Facts.Name,
                    StageId = stage.Id,
                    StageName = stage.Name,
                    CreatedAt = clock.Now,
                }));
            }

            return Task.FromResult(machine);
        }, previous, Lead.Facts.Emails);
    }

    /// <summary>
    /// One reminder per lead, only while its stage has <c>staleAfter</c>, registered for the stale
    /// moment and not moved by later activity (when it fires early it re-arms for the new moment),
    /// so a busy lead costs no reminder writes.
    /// </summary>
    private async Task ArmStaleCheckAsync(bool unregisterWhenIdle = false)
    {
        var staleAfter = Lead.Exists && Lead.Status == LeadStatus.Open ? StaleAfter(await MachineAsync()) : null;
        if (staleAfter is null || Lead.LastActivityAt is not { } last)
        {
            if (Lead.StaleCheckAt is not null || unregisterWhenIdle)
            {
                if (await this.GetReminder(StaleReminder) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                Lead.StaleCheckAt = null;
                await state.WriteStateAsync();
            }

            return;
        }

        if (Lead.StaleCheckAt is not null)
        {
            return; // already armed; it re-arms itself when it finds the lead active
        }

        var due = last + staleAfter.Value;
        var dueIn = due - clock.Now;
        await this.RegisterOrUpdateReminder(StaleReminder, dueIn > TimeSpan.FromMinutes(1) ? dueIn : TimeSpan.FromMinutes(1), staleAfter.Value > TimeSpan.FromMinutes(1) ? staleAfter.Value : TimeSpan.FromMinutes(1));
        Lead.StaleCheckAt = due;
        await state.WriteStateAsync();
    }

    private static TimeSpan? StaleAfter(StageMachine machine) =>
        machine.CurrentStage.StaleAfter is { } text && IsoDuration.TryParse(text, out var duration) ? duration : null;

    /// <summary>
    /// The common start of a task command: the lead and task exist, the actor may act on the task
    /// (asked before anything else, so a repeat shows nothing to a stranger), and a repeated
    /// operation returns the lead as it is.
    /// </summary>
    private async Task<(StageMachine? Machine, TaskInstance? Task, Outcome<LeadView>? Refusal)> TaskCommandAsync(
        string taskId, string? operationId, Actor actor, string verb)
    {
        if (!Lead.Exists)
        {
            return (null, null, NotFound());
        }

        var machine = await MachineAsync();
        var task = machine.FindTask(taskId);
        if (task is null)
        {
            return (null, null, Outcome<LeadView>.NotFound($"lead '{Id}' has no task '{taskId}'"));
        }

        if (!await CanManageAsync(actor) && !await IsAssigneeAsync(actor, task))
        {
            return (null, null, Outcome<LeadView>.Forbidden(
                $"task '{taskId}' is not yours: only its assignee, the lead's owner or their manager may {verb} it"));
        }

        return operationId is not null && AppliedOperations.Contains(Lead, operationId)
            ? (null, null, Outcome<LeadView>.Ok(await ViewAsync()))
            : (machine, task, null);
    }

    /// <summary>The common refusals of a lead-level command: unknown lead, repeat, not allowed, already closed.</summary>
    private async Task<Outcome<LeadView>?> CheckAsync(string? operationId, Actor actor, bool requireOpen)
    {
        if (!Lead.Exists)
        {
            return NotFound();
        }

        if (!await CanManageAsync(actor))
        {
            return Outcome<LeadView>.Forbidden("only the lead's owner, their manager or an administrator may do this");
        }

        if (operationId is not null && AppliedOperations.Contains(Lead, operationId))
        {
            return Outcome<LeadView>.Ok(await ViewAsync());
        }

        if (requireOpen && Lead.Status != LeadStatus.Open)
        {
            return Outcome<LeadView>.Conflict($"lead '{Id}' is already {Lead.Status.ToString().ToLowerInvariant()}");
        }

        return null;
    }

    /// <summary>Applies a change, persists it with its effects in one write, then carries the effects out.</summary>
    private async Task<Outcome<LeadView>> RunAsync(
        string? operationId,
        Func<Task<StageMachine>> change,
        string? previousOwner,
        IReadOnlyList<string> previousEmails,
        bool created = false)
    {
        var wasOpen = !created && Lead.Status == LeadStatus.Open;
        var nameBefore = Lead.Facts.Name;
        var visitsBefore = Lead.History.Count;
        var before = LeadSnapshot.Of(Lead);
        try
        {
            var machine = await change();
            await QueueEffectsAsync(machine, previousOwner, wasOpen, previousEmails, renamed: !created && nameBefore != Lead.Facts.Name);
            await QueueAnalyticsAsync(before, created);
            await QueueNotificationsAsync(machine);
            await QueueListOperationsAsync(visitsBefore);
            Lead.LastActivityAt = clock.Now;
            if (operationId is not null)
            {
                AppliedOperations.Add(Lead, operationId);
            }

            await state.WriteStateAsync();
        }
        catch
        {
            // Nothing half-written: drop the in-memory changes and go back to what is stored.
            pipeline = null;
            await state.ReadStateAsync();
            throw;
        }

        await DeliverPendingAsync();
        await ArmStaleCheckAsync();
        var view = await ViewAsync();
        return created ? Outcome<LeadView>.Created(view) : Outcome<LeadView>.Ok(view);
    }

    private async Task QueueEffectsAsync(StageMachine machine, string? previousOwner, bool wasOpen, IReadOnlyList<string> previousEmails, bool renamed)
    {
        var changes = new Dictionary<string, (List<AgendaItem> Upserts, List<string> Closed, bool? Owns, List<TaskDoneMark> Done)>();
        (List<AgendaItem> Upserts, List<string> Closed, bool? Owns, List<TaskDoneMark> Done) For(string repId) =>
            changes.TryGetValue(repId, out var c) ? c : changes[repId] = ([], [], null, []);

        // A renamed lead re-sends its open tasks, so every agenda shows the new name.
        var tasks = renamed ? machine.ChangedTasks.Concat(Lead.Tasks.Where(t => t.Status == LeadTaskStatus.Open)) : machine.ChangedTasks;
        foreach (var task in tasks.Distinct())
        {
            foreach (var repId in await AssigneeRepsAsync(task.AssigneeId))
            {
                var change = For(repId);
                if (task.Status == LeadTaskStatus.Open)
                {
                    change.Upserts.Add(ToAgendaItem(task));
                }
                else
                {
                    change.Closed.Add(task.Id);
                    if (task.Status == LeadTaskStatus.Done && task.DoneBy is { } doneBy)
                    {
                        change.Done.Add(new TaskDoneMark(task.Id, doneBy, (task.DoneAt ?? clock.Now) <= task.DueAt));
                    }
                }
            }
        }

        var isOpen = Lead.Status == LeadStatus.Open;
        if (previousOwner is not null && wasOpen && (previousOwner != Lead.OwnerId || !isOpen))
        {
            changes[previousOwner] = For(previousOwner) with { Owns = false };
        }

        if (isOpen && (previousOwner != Lead.OwnerId || !wasOpen))
        {
            changes[Lead.OwnerId] = For(Lead.OwnerId) with { Owns = true };
        }

        var streak = Praise.Streak(await PipelineAsync());
        foreach (var (repId, (upserts, closed, owns, done)) in changes)
        {
            var change = new AgendaChange
            {
                LeadId = Id,
                LeadName = Lead.Facts.Name,
                Upserts = upserts,
                ClosedTaskIds = closed,
                Owns = owns,
                Done = done,
                Streak = done.Count > 0 ? streak : null,
            };
            Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, repId, change, null));
        }

        var emails = Lead.Facts.Emails.Select(e => e.ToLowerInvariant()).ToHashSet();
        var before = previousEmails.Select(e => e.ToLowerInvariant()).ToHashSet();
        foreach (var added in emails.Except(before))
        {
            Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, added, null, true));
        }

        foreach (var removed in before.Except(emails))
        {
            Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, removed, null, false));
        }

        var domains = CompanyDomains(emails);
        var domainsBefore = CompanyDomains(before);
        foreach (var added in domains.Except(domainsBefore))
        {
            Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, added, null, null, DomainIndexAdd: true));
        }

        foreach (var removed in domainsBefore.Except(domains))
        {
            Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, removed, null, null, DomainIndexAdd: false));
        }
    }

    private HashSet<string> CompanyDomains(IEnumerable<string> emails) =>
        [.. emails.Select(enricher.Enrich).Where(e => e is { Domain: not null, IsFreeMail: false }).Select(e => e.Domain!)];

    /// <summary>Fills an empty company from the first company address; never overwrites what a rep typed.</summary>
    private LeadFacts WithCompanyGuess(LeadFacts facts)
    {
        if (!string.IsNullOrWhiteSpace(facts.Company))
        {
            return facts;
        }

        var guess = facts.Emails.Select(enricher.Enrich).FirstOrDefault(e => e.CompanyGuess is not null)?.CompanyGuess;
        return guess is null ? facts : facts with { Company = guess };
    }

    /// <summary>
    /// Stage guidance for the owner when the lead ends the command in a newly entered stage (stages
    /// passed straight through are not worth a card), and a prompt for every new task assigned to
    /// someone other than the owner (the owner's tasks are on the guidance card).
    /// </summary>
    private async Task QueueNotificationsAsync(StageMachine machine)
    {
        if (Lead.Status != LeadStatus.Open)
        {
            return;
        }

        var now = clock.Now;
        if (machine.EnteredCurrentStage)
        {
            var stage = machine.CurrentStage;
            Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, Lead.OwnerId, null, null, new Notification
            {
                Id = $"guidance:{Id}/{Lead.History.Count}",
                RepId = Lead.OwnerId,
                Kind = NotificationKind.StageGuidance,
                Title = $"{Lead.Facts.Name} is now in {stage.Name}",
                Text = stage.Guidance ?? "",
                LeadId = Id,
                LeadName = Lead.Facts.Name,
                StageId = stage.Id,
                StageName = stage.Name,
                Guidance = stage.Guidance,
                Goal = GoalEvaluator.EffectiveGoal(stage),
                Tasks = [.. machine.CurrentTasks.Select(ToAgendaItem)],
                CreatedAt = now,
            }));
        }

        foreach (var task in machine.CreatedTasks.Where(t => t.Status == LeadTaskStatus.Open))
        {
            foreach (var repId in await AssigneeRepsAsync(task.AssigneeId))
            {
                if (repId == Lead.OwnerId)
                {
                    continue;
                }

                Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, repId, null, null, new Notification
                {
                    Id = $"assigned:{Id}/{task.Id}@{task.DueAt.UtcTicks}",
                    RepId = repId,
                    Kind = NotificationKind.TaskAssigned,
                    Title = $"New task: {task.Title}",
                    Text = $"{task.Title} for {Lead.Facts.Name}",
                    LeadId = Id,
                    LeadName = Lead.Facts.Name,
                    StageId = task.StageId,
                    Tasks = [ToAgendaItem(task)],
                    CreatedAt = now,
                }));
            }
        }
    }

    /// <summary>
    /// Every stage entered by this command (also those passed straight through) with <c>lists</c>:
    /// one operation per contact per list, keyed by lead/visit/list/email/action so a visit never
    /// sends one twice. They go to the lead's email-list outbox, which persists before calling out.
    /// </summary>
    private async Task QueueListOperationsAsync(int visitsBefore)
    {
        var definition = await PipelineAsync();
        var operations = new List<EmailListOperation>();
        for (var visit = visitsBefore; visit < Lead.History.Count; visit++)
        {
            var stage = definition.Stages.Find(s => s.Id == Lead.History[visit].StageId);
            if (stage?.Lists is not { } hooks)
            {
                continue;
            }

            var wanted = hooks.Subscribe.Select(l => (List: l, Action: EmailListAction.Subscribe))
                .Concat(hooks.Unsubscribe.Select(l => (List: l, Action: EmailListAction.Unsubscribe)));
            foreach (var (list, action) in wanted)
            {
                foreach (var email in Lead.Facts.Emails.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    operations.Add(new EmailListOperation
                    {
                        Id = EmailListOperation.KeyOf(Id, visit, list, email, action),
                        LeadId = Id,
                        ListName = list,
                        Email = email,
                        Action = action,
                        Name = Lead.Facts.Name,
                        Company = Lead.Facts.Company,
                        StageId = stage.Id,
                        StageName = stage.Name,
                        Tag = stage.Id,
                    });
                }
            }
        }

        if (operations.Count > 0)
        {
            Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, Id, null, null, Lists: operations));
        }
    }

    private AgendaItem ToAgendaItem(TaskInstance task) => new()
    {
        LeadId = Id,
        LeadName = Lead.Facts.Name,
        TaskId = task.Id,
        Title = task.Title,
        StageId = task.StageId,
        DueAt = task.DueAt,
    };

    /// <summary>The command's analytics batch for the pipeline's funnel (with the owner's team at the time), and the praise it earned.</summary>
    private async Task QueueAnalyticsAsync(LeadSnapshot before, bool created)
    {
        var definition = await PipelineAsync();
        var events = LeadEvents.Diff(before, Lead, definition, clock.Now, created);
        if (ownerProfile is not { } cached || cached.Owner != Lead.OwnerId)
        {
            ownerProfile = (Lead.OwnerId, await grains.GetGrain<IRepGrain>(Lead.OwnerId).GetProfileAsync());
        }

        var owner = ownerProfile.Value.Profile;

        var dimensions = new LeadDimensions
        {
            Rep = Lead.OwnerId,
            Team = owner?.TeamId,
            Product = Lead.Facts.Product,
            Territory = Lead.Facts.Territory,
            Source = Lead.Facts.Source,
        };
        var batch = new LeadEventBatch
        {
            LeadId = Id,
            Seq = ++Lead.AnalyticsSeq,
            At = clock.Now,
            Dimensions = dimensions,
            Events = events,
            Open = LeadEvents.OpenOf(Lead, definition, dimensions),
        };
        Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, Lead.PipelineId, null, null, Analytics: batch));
        var repName = string.IsNullOrWhiteSpace(owner?.Name) ? Lead.OwnerId : owner.Name;
        foreach (var praise in Praise.ForLead(definition, Id, Lead, events, repName, clock.Now))
        {
            Lead.Pending.Add(new PendingEffect(Lead.NextPendingSeq++, Lead.OwnerId, null, null, praise));
        }
    }

    /// <summary>
    /// Carries out what is pending. What was carried out leaves memory at once; the stored list loses it with the
    /// next write (until then a reactivation carries it out again, and the receivers ignore the repeat). Kept in
    /// memory until the lead's next command, every command's effects outlived a few garbage collections and were
    /// promoted to the oldest generation: the largest part of what each collection copied under load.
    /// </summary>
    private async Task DeliverPendingAsync()
    {
        // A local set, not a field: kept on the grain it held its arrays for as long as the lead stayed active.
        var delivered = new HashSet<long>();
        await Task.WhenAll(DeliverAnalyticsAsync(delivered), DeliverOthersAsync(delivered));
        Lead.Pending.RemoveAll(e => delivered.Contains(e.Seq));
    }

    /// <summary>Analytics batches go one at a time, oldest first, stopping at the first that fails, so the funnel sees them in order.</summary>
    private async Task DeliverAnalyticsAsync(HashSet<long> delivered)
    {
        foreach (var effect in Lead.Pending.Where(e => e.Analytics is not null && !delivered.Contains(e.Seq)).OrderBy(e => e.Seq).ToList())
        {
            try
            {
                if (!await grains.GetGrain<IFunnelGrain>(effect.Target).ApplyAsync(effect.Analytics!))
                {
                    return;
                }

                delivered.Add(effect.Seq);
            }
            catch (Exception e)
            {
                LogEffectFailed(e, Id, effect.Target);
                return;
            }
        }
    }

    /// <summary>
    /// Everything for one rep goes in one <see cref="IRepGrain.ApplyAsync"/> call (one rep write), the
    /// other effects one call each; all in parallel. A failed delivery stays pending and is carried
    /// out again with the next command or activation.
    /// </summary>
    private async Task DeliverOthersAsync(HashSet<long> delivered)
    {
        var attempts = new List<Task<IReadOnlyList<long>>>();
        Dictionary<string, List<PendingEffect>>? byRep = null;
        foreach (var effect in Lead.Pending)
        {
            if (effect.Analytics is not null || delivered.Contains(effect.Seq))
            {
                continue;
            }

            if (effect.Agenda is not null || effect.Notify is not null)
            {
                byRep ??= new(StringComparer.Ordinal);
                if (!byRep.TryGetValue(effect.Target, out var forRep))
                {
                    byRep[effect.Target] = forRep = [];
                }

                forRep.Add(effect);
            }
            else
            {
                attempts.Add(DeliverAsync([effect], DeliverOtherAsync(effect)));
            }
        }

        foreach (var (repId, effects) in byRep ?? [])
        {
            var update = new RepUpdate
            {
                Agenda = [.. effects.Where(e => e.Agenda is not null).Select(e => e.Agenda!)],
                Notifications = [.. effects.Where(e => e.Notify is not null).Select(e => e.Notify!)],
            };
            attempts.Add(DeliverAsync(effects, grains.GetGrain<IRepGrain>(repId).ApplyAsync(update)));
        }

        foreach (var seqs in await Task.WhenAll(attempts))
        {
            foreach (var seq in seqs)
            {
                delivered.Add(seq);
            }
        }
    }

    /// <summary>The effects' sequence numbers once <paramref name="call"/> succeeded; none when it failed (they stay pending).</summary>
    private async Task<IReadOnlyList<long>> DeliverAsync(IReadOnlyList<PendingEffect> effects, Task call)
    {
        try
        {
            await call;
            return [.. effects.Select(e => e.Seq)];
        }
        catch (Exception e)
        {
            LogEffectFailed(e, Id, effects[0].Target);
            return [];
        }
    }

    private Task DeliverOtherAsync(PendingEffect effect)
    {
        if (effect.Lists is { } operations)
        {
            return grains.GetGrain<IEmailListOutboxGrain>(effect.Target).EnqueueAsync(operations);
        }

        if (effect.DomainIndexAdd is { } domainAdd)
        {
            var index = grains.GetGrain<ILeadDomainIndexGrain>(effect.Target);
            return domainAdd ? index.AddAsync(Id) : index.RemoveAsync(Id);
        }

        if (effect.IndexAdd is { } add)
        {
            var index = grains.GetGrain<ILeadEmailIndexGrain>(effect.Target);
            return add ? index.AddAsync(Id) : index.RemoveAsync(Id);
        }

        return Task.CompletedTask;
    }

    private async Task<IReadOnlyList<string>> AssigneeRepsAsync(string assigneeId)
    {
        if (!assigneeId.StartsWith("team:", StringComparison.Ordinal))
        {
            return [assigneeId];
        }

        var team = await grains.GetGrain<ITeamGrain>(assigneeId[5..]).GetAsync();
        return team?.Members ?? [];
    }

    private async ValueTask<string?> OwnerForStageAsync(StageDefinition stage) =>
        await grains.GetGrain<IAssignmentGrain>($"{Lead.PipelineId}/{stage.Id}").AssignAsync(stage.Assignment ?? [], Lead.Facts);

    private async Task<bool> CanManageAsync(Actor actor) =>
        actor.IsAdmin || actor.Id == Lead.OwnerId || await AccessRules.IsManagerOfAsync(grains, actor.Id, Lead.OwnerId);

    private async Task<bool> IsAssigneeAsync(Actor actor, TaskInstance task) =>
        task.AssigneeId == actor.Id
        || (task.AssigneeId.StartsWith("team:", StringComparison.Ordinal)
            && await AccessRules.IsInTeamAsync(grains, actor.Id, task.AssigneeId[5..]));

    private async Task<bool> HasTaskAsync(Actor actor)
    {
        foreach (var task in Lead.Tasks.DistinctBy(t => t.AssigneeId))
        {
            if (await IsAssigneeAsync(actor, task))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> CanSeeAsync(Actor actor) => await CanManageAsync(actor) || await HasTaskAsync(actor);

    private async Task<StageMachine> MachineAsync() => new(await PipelineAsync(), Lead, clock.Now);

    private async Task<PipelineDefinition> PipelineAsync() =>
        pipeline ??= await grains.GetGrain<IPipelineGrain>(Lead.PipelineId).GetAsync(Lead.PipelineVersion)
            ?? throw new InvalidOperationException($"pipeline '{Lead.PipelineId}' version {Lead.PipelineVersion} is missing");

    private async Task<LeadView> ViewAsync() => LeadViews.ToView(Id, Lead, await PipelineAsync());

    private Outcome<LeadView> NotFound() => Outcome<LeadView>.NotFound($"no lead '{Id}'");

    private static bool SameCreate(CreateLead a, CreateLead b) =>
        a.Facts.SameAs(b.Facts) && a.PipelineId == b.PipelineId && a.OwnerId == b.OwnerId;

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} is stale but no rep other than {OwnerId} can take it; checked again later")]
    private partial void LogNobodyToReassign(string leadId, string ownerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lead {LeadId}: could not tell {Target}; will retry")]
    private partial void LogEffectFailed(Exception exception, string leadId, string target);
}
