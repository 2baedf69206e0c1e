using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoach.Common;

namespace SalesCoach.Lists;

/// <summary>
/// A lead's email-list outbox. Operations are persisted before the port is called; 429/5xx are
/// retried with a doubling delay (a longer Retry-After wins); a rejection (400) is kept as failed
/// and not retried; an operation id applied once is never sent again. While anything waits the
/// grain holds one reminder, so a restart resumes sending without waiting for the lead to be touched.
/// </summary>
public sealed partial class EmailListOutboxGrain(
    [PersistentState("lists", StorageNames.Leads)] IPersistentState<EmailListOutboxState> state,
    IEmailLists lists,
    SalesClock clock,
    IOptions<EmailListOptions> options,
    ILogger<EmailListOutboxGrain> logger) : Grain, IEmailListOutboxGrain, IRemindable
{
    /// <summary>The name of the outbox's safety-net reminder.</summary>
    public const string RetryReminder = "email-lists";

    private readonly EmailListOptions settings = options.Value;
    private IGrainTimer? retryTimer;
    private bool sending;

    private EmailListOutboxState Outbox => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Outbox.Pending.Count > 0)
        {
            ScheduleRetry(TimeSpan.Zero); // what a crash left unsent goes out now
        }

        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(IReadOnlyList<EmailListOperation> operations)
    {
        var now = clock.Now;
        var added = false;
        foreach (var operation in operations)
        {
            if (Outbox.Sent.ContainsKey(operation.Id)
                || Outbox.Pending.Exists(e => e.Operation.Id == operation.Id)
                || Outbox.Failed.Exists(e => e.Operation.Id == operation.Id))
            {
                continue;
            }

            Outbox.Pending.Add(new EmailListEntry { Operation = operation, NextAttemptAt = now });
            added = true;
        }

        if (!added)
        {
            return;
        }

        await ArmReminderAsync();
        await state.WriteOrReloadAsync(); // reloaded on failure: the lead's retry must queue them again, not find them queued
        ScheduleRetry(TimeSpan.Zero); // sent outside the caller's turn: commands never wait on the provider
    }

    public Task<EmailListOutboxView> GetAsync() => Task.FromResult(new EmailListOutboxView(
        [.. Outbox.Pending.Select(e => ToView(e, e.NextAttemptAt))],
        [.. Outbox.Failed.Select(e => ToView(e, null))],
        [.. Outbox.Sent.Keys.Order(StringComparer.Ordinal)]));

    public async Task SendDueAsync()
    {
        if (sending)
        {
            return;
        }

        sending = true;
        try
        {
            await SendAsync();
        }
        finally
        {
            sending = false;
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SendDueAsync();

    private async Task SendAsync()
    {
        var now = clock.Now;
        foreach (var entry in Outbox.Pending.Where(e => e.NextAttemptAt <= now).ToList())
        {
            EmailListResult result;
            try
            {
                result = await lists.ApplyAsync(entry.Operation, CancellationToken.None);
            }
            catch (Exception e)
            {
                result = EmailListResult.Retry(e.Message);
            }

            entry.Attempts++;
            entry.LastError = result.Detail;
            LogAttempt(entry.Operation.Id, entry.Attempts, result.Outcome);
            switch (result.Outcome)
            {
                case EmailListOutcome.Applied:
                case EmailListOutcome.Skipped:
                    Outbox.Pending.Remove(entry);
                    Outbox.Sent[entry.Operation.Id] = now;
                    break;
                case EmailListOutcome.Rejected:
                    Outbox.Pending.Remove(entry);
                    Outbox.Failed.Add(entry);
                    LogRejected(entry.Operation.Id, result.Detail);
                    break;
                default:
                    entry.NextAttemptAt = now + RetryBackoff.After(entry.Attempts, settings.FirstRetryDelay, settings.MaxRetryDelay, result.RetryAfter);
                    LogRetry(entry.Operation.Id, entry.Attempts, result.Detail);
                    break;
            }

            await state.WriteStateAsync(); // after each call: a crash repeats at most the call in flight (an upsert)
        }

        foreach (var old in Outbox.Sent.Where(s => s.Value < now - settings.SentRetention).Select(s => s.Key).ToList())
        {
            Outbox.Sent.Remove(old);
        }

        if (Outbox.Pending.Count > 0)
        {
            var soonest = Outbox.Pending.Min(e => e.NextAttemptAt);
            ScheduleRetry(soonest > now ? soonest - now : TimeSpan.Zero);
        }
        else if (Outbox.ReminderSet)
        {
            if (await this.GetReminder(RetryReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            Outbox.ReminderSet = false;
            await state.WriteStateAsync();
        }
    }

    private async Task ArmReminderAsync()
    {
        if (!Outbox.ReminderSet)
        {
            await this.RegisterOrUpdateReminder(RetryReminder, settings.ReminderPeriod, settings.ReminderPeriod);
            Outbox.ReminderSet = true;
        }
    }

    private void ScheduleRetry(TimeSpan dueIn)
    {
        retryTimer?.Dispose();
        retryTimer = this.RegisterGrainTimer(
            _ => SendDueAsync(), new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan));
    }

    private static EmailListEntryView ToView(EmailListEntry entry, DateTimeOffset? next) =>
        new(entry.Operation, entry.Attempts, entry.LastError, next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email-list operation {OperationId}: attempt {Attempts} → {Outcome}")]
    private partial void LogAttempt(string operationId, int attempts, EmailListOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email-list operation {OperationId} rejected; not retried: {Detail}")]
    private partial void LogRejected(string operationId, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email-list operation {OperationId} failed (attempt {Attempts}); will retry: {Detail}")]
    private partial void LogRetry(string operationId, int attempts, string? detail);
}
