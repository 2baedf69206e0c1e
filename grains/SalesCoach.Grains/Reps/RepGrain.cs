using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using SalesCoach.Common;

namespace SalesCoach.Reps;

/// <summary>
/// A rep: profile, agenda and outbox. Holds ONE reminder, for the earliest moment it must wake
/// (a task falling due or the daily digest), so reminders scale with reps, not tasks; an active
/// grain adds a timer inside <see cref="RepOptions.PrecisionWindow"/> for to-the-second prompts.
/// A write stores only what changed since the previous one (<see cref="RepJournal"/>).
/// </summary>
public sealed partial class RepGrain(
    [FromKeyedServices(StorageNames.Reps)] IGrainStorage storage,
    IGrainFactory grains,
    INotifier notifier,
    SalesClock clock,
    IOptions<RepOptions> options,
    ILogger<RepGrain> logger) : Grain, IRepGrain, IRemindable
{
    /// <summary>The name of the rep's one reminder.</summary>
    public const string AgendaReminder = "agenda";

    /// <summary>How long a reminder tick waits for its own sends before letting the rep's other calls in (wall-clock time).</summary>
    public static readonly TimeSpan SendWaitInTurn = TimeSpan.FromSeconds(1);

    /// <summary>The <see cref="SentLog"/>'s snapshot name (its own row since before its journal).</summary>
    public const string SentLogName = "sent";

    /// <summary>Sent-log pages between snapshots: a page is a few ids, a snapshot every id of the retention window.</summary>
    public const int SentLogPagesPerSnapshot = 64;

    /// <summary>Up to this many ids (8 bytes each) the sent log is written whole: cheaper than a page and its later delete.</summary>
    public const int SentLogWholeUpTo = 256;

    private readonly RepOptions settings = options.Value;
    private string? me;
    private IGrainTimer? wakeTimer;
    private IGrainTimer? retryTimer;
    private Task sending = Task.CompletedTask;
    private RepJournal state = null!;
    private StateJournal<SentLog, SentLogPage> sent = null!;

    // Said once per activation (and again after a conversation came and went), not per notification and attempt.
    private bool saidNotReachable;

    private RepState Rep => state.State;

    // Orleans decodes the key into a new string on every call: one per activation.
    private string Me => me ??= this.GetPrimaryKeyString();

    public async Task<RepProfile> SaveProfileAsync(RepProfile profile)
    {
        Rep.Profile = profile with { Id = Me };
        await WriteAsync();
        await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).UpsertAsync(Rep.Profile);
        return Rep.Profile;
    }

    public Task<RepProfile?> GetProfileAsync() => Task.FromResult(Rep.Profile);

    public Task<AgendaView> GetAgendaAsync()
    {
        var now = clock.Now;
        var tasks = Rep.Agenda.Values
            .OrderBy(i => i.DueAt).ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new AgendaEntryView(i.LeadId, i.LeadName, i.TaskId, i.Title, i.StageId, i.DueAt, i.DueAt < now));
        return Task.FromResult(new AgendaView(Me, [.. tasks]));
    }

    public Task<int> GetLoadAsync() => Task.FromResult(Rep.OwnedLeads.Count);

    public Task<IReadOnlyList<LeadRef>> FindLeadsAsync(string text)
    {
        var wanted = text.Trim();
        var matches = Rep.LeadNames
            .Select(kv => (Lead: new LeadRef(kv.Key, kv.Value), Rank: Rank(kv.Key, kv.Value, wanted)))
            .Where(m => m.Rank > 0)
            .OrderByDescending(m => m.Rank).ThenBy(m => m.Lead.Name, StringComparer.OrdinalIgnoreCase)
            .Select(m => m.Lead);
        return Task.FromResult<IReadOnlyList<LeadRef>>([.. matches]);

        // Exact id, exact name, name starts with, name contains.
        static int Rank(string id, string name, string wanted) =>
            string.Equals(id, wanted, StringComparison.OrdinalIgnoreCase) ? 4
            : string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase) ? 3
            : name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) ? 2
            : name.Contains(wanted, StringComparison.OrdinalIgnoreCase) ? 1
            : 0;
    }

    public Task<DateTimeOffset?> GetNextWakeAsync() => Task.FromResult(Rep.ReminderDueAt);

    public Task<RepStats> GetStatsAsync() => Task.FromResult(new RepStats
    {
        Kudos = Rep.Kudos,
        Praise = Rep.Praise,
        OnTimeStreak = Rep.OnTimeStreak,
        BestOnTimeStreak = Rep.BestOnTimeStreak,
    });

    public async Task SaveConversationAsync(ConversationReference conversation)
    {
        if (Rep.Conversation == conversation)
        {
            return;
        }

        Rep.Conversation = conversation;
        saidNotReachable = false;
        foreach (var entry in Rep.Outbox)
        {
            Rep.Reschedule(entry, clock.Now); // what waited for a way to reach the rep goes now
        }

        await WriteAsync();
        if (Rep.Outbox.Count > 0)
        {
            ScheduleSend(TimeSpan.Zero);
        }
    }

    public Task<ConversationReference?> GetConversationAsync() => Task.FromResult(Rep.Conversation);

    public Task NotifyAsync(Notification notification) => ApplyAsync(new RepUpdate { Notifications = [notification] });

    public async Task ApplyAsync(RepUpdate update)
    {
        var agendaChanged = false;
        var queued = false;
        foreach (var change in update.Agenda)
        {
            var (changed, praised) = ApplyAgenda(change);
            (agendaChanged, queued) = (agendaChanged | changed, queued | praised);
        }

        foreach (var notification in update.Notifications)
        {
            queued |= Enqueue(notification);
        }

        if (agendaChanged)
        {
            await ArmAsync();
        }

        if (agendaChanged || queued)
        {
            await WriteAsync();
        }

        if (queued)
        {
            ScheduleSend(TimeSpan.Zero); // sent outside the caller's turn, on the interleaving timer: commands do not wait on Teams
        }
    }

    /// <summary>Applies one change in memory; true when the agenda (or streak) changed, and when a praise was queued.</summary>
    private (bool Changed, bool Praised) ApplyAgenda(AgendaChange change)
    {
        // Closed first: a stage re-entered in one command closes a task and opens it anew under the same key.
        var (changed, praised) = CountStreak(change);
        foreach (var taskId in change.ClosedTaskIds)
        {
            changed |= Rep.CloseTask($"{change.LeadId}/{taskId}");
        }

        foreach (var item in change.Upserts)
        {
            changed |= Rep.PutTask(item);
        }

        changed |= change.Owns is { } owns && Rep.SetOwned(change.LeadId, owns);

        var known = Rep.OwnedLeads.Contains(change.LeadId) || Rep.Agenda.Values.Any(i => i.LeadId == change.LeadId);
        if (!known)
        {
            changed |= Rep.SetLeadName(change.LeadId, null);
        }
        else if (change.LeadName is { } name)
        {
            changed |= Rep.SetLeadName(change.LeadId, name);
        }

        return (changed, praised);
    }

    /// <summary>
    /// Tasks this rep did, still on the agenda (so a repeated change counts nothing), extend or reset
    /// the on-time streak; every <see cref="StreakRule.Length"/> in a row earns one praise.
    /// </summary>
    private (bool Counted, bool Praised) CountStreak(AgendaChange change)
    {
        var counted = false;
        var praised = false;
        foreach (var mark in change.Done.Where(m => m.DoneBy == Me && Rep.Agenda.ContainsKey($"{change.LeadId}/{m.TaskId}")))
        {
            counted = true;
            Rep.OnTimeStreak = mark.OnTime ? Rep.OnTimeStreak + 1 : 0;
            Rep.BestOnTimeStreak = Math.Max(Rep.BestOnTimeStreak, Rep.OnTimeStreak);
            if (mark.OnTime && change.Streak is { Length: > 0 } rule && Rep.OnTimeStreak % rule.Length == 0)
            {
                Rep.StreakMilestones++;
                praised |= Enqueue(new Notification
                {
                    Id = $"praise:streak:{Me}/{Rep.StreakMilestones}",
                    RepId = Me,
                    Kind = NotificationKind.Praise,
                    Title = $"{Rep.OnTimeStreak} on time in a row",
                    Text = Leads.Praise.Fill(rule.Message, null, Rep.Profile?.Name ?? Me, Rep.OnTimeStreak),
                    CreatedAt = clock.Now,
                });
            }
        }

        return (counted, praised);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == AgendaReminder)
        {
            await WakeAsync();
        }
    }

    /// <summary>Prompts what fell due, sends the digest when it is time, re-arms for the next wake and sends the outbox.</summary>
    private async Task WakeAsync()
    {
        var now = clock.Now;
        foreach (var item in AgendaSchedule.DueForPrompt(Rep, now))
        {
            Rep.MarkPrompted(item.Key, item.DueAt);
            Enqueue(new Notification
            {
                Id = $"due:{item.Key}@{item.DueAt.UtcTicks}",
                RepId = Me,
                Kind = NotificationKind.TaskDue,
                Title = $"Due now: {item.Title}",
                Text = $"{item.Title} for {item.LeadName} is due.",
                LeadId = item.LeadId,
                Tasks = [item],
                CreatedAt = now,
            });
        }

        var overdue = AgendaSchedule.DigestDue(Rep, now, settings.DigestHourUtc);
        if (overdue.Count > 0)
        {
            Rep.LastDigestDay = AgendaSchedule.Day(now);
            Enqueue(new Notification
            {
                Id = $"digest:{Rep.LastDigestDay}",
                RepId = Me,
                Kind = NotificationKind.OverdueDigest,
                Title = $"{overdue.Count} overdue task{(overdue.Count == 1 ? "" : "s")}",
                Text = string.Join("\n", overdue.Select(i => $"{i.Title} — {i.LeadName}")),
                Tasks = overdue,
                CreatedAt = now,
            });
        }

        Rep.ReminderDueAt = null; // it fired; ArmAsync registers the next one
        await ArmAsync();
        await WriteAsync();

        // Sent within this turn when Teams answers at once; a send sitting out a 429 finishes beside the
        // rep's next calls (the pass interleaves, like the timer's) instead of holding them.
        var pass = SendOutboxAsync();
        if (await Task.WhenAny(pass, Task.Delay(SendWaitInTurn)) == pass)
        {
            await pass;
        }
    }

    /// <summary>Keeps the one reminder at the next wake time, touching the reminder table only when that time moves earlier or passes.</summary>
    private async Task ArmAsync()
    {
        var now = clock.Now;
        var next = AgendaSchedule.NextWake(Rep, now, settings.DigestHourUtc);
        if (next is null)
        {
            if (Rep.ReminderDueAt is not null && await this.GetReminder(AgendaReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            Rep.ReminderDueAt = null;
        }
        else if (Rep.ReminderDueAt is null || next < Rep.ReminderDueAt || Rep.ReminderDueAt < now)
        {
            // A reminder due too early is harmless (it wakes, finds nothing, re-arms); a late one is not.
            var dueIn = next.Value > now ? next.Value - now : TimeSpan.Zero;
            await this.RegisterOrUpdateReminder(AgendaReminder, dueIn, settings.ReminderPeriod);
            Rep.ReminderDueAt = next;
        }

        SetWakeTimer(next, now);
    }

    private void SetWakeTimer(DateTimeOffset? next, DateTimeOffset now)
    {
        wakeTimer?.Dispose();
        wakeTimer = null;
        if (next is { } at && at - now <= settings.PrecisionWindow)
        {
            var dueIn = at > now ? at - now : TimeSpan.Zero;
            wakeTimer = this.RegisterGrainTimer(
                _ => WakeAsync(), new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>Adds a notification unless it is already queued or was sent; true when added.</summary>
    private bool Enqueue(Notification notification)
    {
        if (sent.State.Contains(notification.Id) || Rep.Outbox.Exists(e => e.Notification.Id == notification.Id))
        {
            return false;
        }

        // Its age decides when an unsendable entry is dropped: one made without a time is as old as its queueing.
        var queued = notification.CreatedAt == default ? notification with { CreatedAt = clock.Now } : notification;
        Rep.Queue(new OutboxEntry { Notification = queued, NextAttemptAt = clock.Now });
        Rep.Kudos += notification.Kind == NotificationKind.Kudos ? 1 : 0;
        Rep.Praise += notification.Kind == NotificationKind.Praise ? 1 : 0;
        return true;
    }

    /// <summary>Runs a send pass once the one under way (if any) has finished: two passes would send an entry twice.</summary>
    private async Task SendOutboxAsync()
    {
        while (!sending.IsCompleted)
        {
            await sending;
        }

        sending = SendPassAsync();
        await sending;
    }

    /// <summary>
    /// Sends what is due in the outbox, then persists the "sent" marks in one write of the
    /// <see cref="SentLog"/>: a crash after a send but before that write is the only way a notification
    /// goes twice, so the write is not put off (a silo kill test holds every notification to exactly
    /// once). The pass interleaves with the rep's calls (a send to Teams can wait seconds on a 429), so it
    /// writes only the sent log; the rep's own row is written by the calls: an entry sent leaves the
    /// stored outbox with the rep's next write (and is dropped at activation if still there), and a
    /// failure's retry count or an expired entry is kept in memory until then (lost, they cost at most an
    /// early retry or a second look).
    /// </summary>
    private async Task SendPassAsync()
    {
        var now = clock.Now;
        var marked = false;

        // A prompt that could not reach the rep for weeks is no longer worth sending; dropped before
        // sending, so an entry sent but still in a stored outbox is never taken for unsent once the
        // sent log has forgotten it.
        Rep.UnqueueWhere(e => e.Notification.CreatedAt < now - settings.SentRetention);
        foreach (var entry in Rep.Outbox.Where(e => e.NextAttemptAt <= now).ToList())
        {
            try
            {
                await notifier.SendAsync(entry.Notification, Rep.Conversation, CancellationToken.None);
                Rep.Unqueue(entry);
                marked |= sent.State.Add(entry.Notification.Id, now);
            }
            catch (Exception e)
            {
                entry.Attempts++;
                Rep.Reschedule(entry, now + RetryBackoff.After(entry.Attempts, settings.FirstRetryDelay, settings.MaxRetryDelay));
                if (e is not RepNotReachableException)
                {
                    LogSendFailed(e, entry.Notification.Id, entry.Attempts);
                }
                else if (!saidNotReachable)
                {
                    // Expected until the rep opens the bot (SaveConversationAsync then sends at once): no warning, no stack.
                    saidNotReachable = true;
                    LogNotReachable(Me, Rep.Outbox.Count);
                }
            }
        }

        marked |= sent.State.Prune(now - settings.SentRetention);

        if (marked)
        {
            await WriteSentAsync();
        }

        if (Rep.Outbox.Count > 0)
        {
            var soonest = Rep.Outbox.Min(e => e.NextAttemptAt);
            ScheduleSend(soonest > now ? soonest - now : TimeSpan.Zero);
        }
    }

    /// <summary>One timer, moved rather than re-created: a send is queued per notification. It interleaves, so the rep's calls do not wait on its sends.</summary>
    private void ScheduleSend(TimeSpan dueIn)
    {
        retryTimer ??= this.RegisterGrainTimer(_ => SendOutboxAsync(), new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        retryTimer.Change(dueIn, Timeout.InfiniteTimeSpan);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new RepJournal(storage, this.GetGrainId(), logger);
        sent = new StateJournal<SentLog, SentLogPage>(
            storage, this.GetGrainId(), SentLogName, _ => SentLogPagesPerSnapshot, SentLog.Replay, logger, log => log.Count <= SentLogWholeUpTo);
        await Task.WhenAll(state.LoadAsync(), sent.LoadAsync());
        if (Rep.Sent.Count > 0)
        {
            // Stored before the sent log existed: moved into it, the log written first so nothing is lost between.
            foreach (var (id, at) in Rep.Sent)
            {
                sent.State.Add(id, at);
            }

            await WriteSentAsync();
            Rep.Sent.Clear();
            await WriteAsync();
        }

        // Sent, but still in the stored outbox when the grain stopped (the sent mark is written alone).
        Rep.UnqueueWhere(e => sent.State.Contains(e.Notification.Id));
        if (Rep.Outbox.Count > 0)
        {
            ScheduleSend(TimeSpan.Zero); // what a crash left unsent goes out now
        }
    }

    /// <summary>A send pass under way finishes first, so its sent marks are written, and a snapshot under way too.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await sending;
        await Task.WhenAll(state.IdleAsync(), sent.IdleAsync());
    }

    /// <summary>Stores the ids sent since the last write.</summary>
    private Task WriteSentAsync() => ReloadIfBrokenAsync(sent.AppendAsync(sent.State.TakeChanges()));

    /// <summary>Stores the rep.</summary>
    private Task WriteAsync() => ReloadIfBrokenAsync(state.WriteAsync());

    /// <summary>Awaits a journal write; after one whose outcome is unknown the grain reloads (callers re-send what was not acknowledged).</summary>
    private async Task ReloadIfBrokenAsync(Task write)
    {
        try
        {
            await write;
        }
        finally
        {
            if (state.Broken || sent.Broken)
            {
                DeactivateOnIdle();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending notification {NotificationId} failed (attempt {Attempts}); will retry")]
    private partial void LogSendFailed(Exception exception, string notificationId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rep {RepId} has not opened SalesCoach in Teams or the local chat yet: {Waiting} notification(s) wait in their outbox until they do")]
    private partial void LogNotReachable(string repId, int waiting);
}
