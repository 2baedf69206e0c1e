using Microsoft.Extensions.Logging;
using SalesCoach.Common;

namespace SalesCoach.DirectorySync;

/// <summary>
/// Installs the Teams app for one rep, once. The request is persisted before the port is called; a throttled
/// or failing call is retried with a doubling delay (a longer Retry-After wins); a refusal (permission, unknown
/// user or app) is kept as failed and not retried — an administrator fixes it. While pending the grain holds one
/// reminder, so a restart resumes. It never calls the rep grain: it is asked from inside the rep's outbox turn.
/// </summary>
public sealed partial class TeamsAppInstallGrain(
    [PersistentState("teams-app", StorageNames.Reps)] IPersistentState<TeamsAppInstallState> state,
    ITeamsAppInstaller installer,
    SalesClock clock,
    ILogger<TeamsAppInstallGrain> logger) : Grain, ITeamsAppInstallGrain, IRemindable
{
    public const string RetryReminder = "teams-app-install";

    /// <summary>The first retry delay; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);

    private IGrainTimer? retryTimer;
    private bool installing;

    private TeamsAppInstallState Install => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Install.Status == "pending")
        {
            Schedule(Install.NextAttemptAt is { } next && next > clock.Now ? next - clock.Now : TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task RequestAsync()
    {
        if (Install.Status != "none" || !installer.IsConfigured)
        {
            return; // asked before (whatever came of it), or nothing to ask
        }

        Install.Status = "pending";
        Install.RequestedAt = Install.NextAttemptAt = clock.Now;
        if (!Install.ReminderSet)
        {
            await this.RegisterOrUpdateReminder(RetryReminder, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
            Install.ReminderSet = true;
        }

        await state.WriteStateAsync();
        Schedule(TimeSpan.Zero); // after this turn: the rep's outbox never waits on Graph
    }

    public Task<TeamsAppInstallView> GetAsync() => Task.FromResult(new TeamsAppInstallView
    {
        Status = Install.Status,
        Attempts = Install.Attempts,
        LastError = Install.LastError,
        RequestedAt = Install.RequestedAt,
        NextAttemptAt = Install.Status == "pending" ? Install.NextAttemptAt : null,
        DoneAt = Install.DoneAt,
    });

    public Task ReceiveReminder(string reminderName, TickStatus status) => AttemptAsync();

    private async Task AttemptAsync()
    {
        if (installing || Install.Status != "pending" || Install.NextAttemptAt > clock.Now)
        {
            await DropReminderWhenDoneAsync();
            return;
        }

        installing = true;
        try
        {
            var repId = this.GetPrimaryKeyString();
            TeamsAppInstallResult result;
            try
            {
                result = await installer.InstallAsync(repId, CancellationToken.None);
            }
            catch (Exception e)
            {
                result = new TeamsAppInstallResult(TeamsAppInstallOutcome.Retry, e.Message);
            }

            Install.Attempts++;
            Install.LastError = result.Outcome is TeamsAppInstallOutcome.Installed or TeamsAppInstallOutcome.AlreadyInstalled ? null : result.Detail;
            switch (result.Outcome)
            {
                case TeamsAppInstallOutcome.Installed:
                case TeamsAppInstallOutcome.AlreadyInstalled:
                    Install.Status = result.Outcome == TeamsAppInstallOutcome.Installed ? "installed" : "alreadyInstalled";
                    Install.DoneAt = clock.Now;
                    LogInstalled(repId, result.Outcome);
                    break;
                case TeamsAppInstallOutcome.Skipped:
                    Install.Status = "none"; // switched off since it was asked: ask again once it is on
                    break;
                case TeamsAppInstallOutcome.Rejected:
                    Install.Status = "failed";
                    Install.DoneAt = clock.Now;
                    LogRejected(repId, result.Detail);
                    break;
                default:
                    var delay = FirstRetryDelay * Math.Pow(2, Math.Min(Install.Attempts - 1, 20));
                    delay = delay < MaxRetryDelay ? delay : MaxRetryDelay;
                    if (result.RetryAfter is { } after && after > delay)
                    {
                        delay = after;
                    }

                    Install.NextAttemptAt = clock.Now + delay;
                    LogRetry(repId, Install.Attempts, result.Detail);
                    Schedule(delay);
                    break;
            }

            await state.WriteStateAsync();
            await DropReminderWhenDoneAsync();
        }
        finally
        {
            installing = false;
        }
    }

    private async Task DropReminderWhenDoneAsync()
    {
        if (Install.Status != "pending" && Install.ReminderSet)
        {
            if (await this.GetReminder(RetryReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            Install.ReminderSet = false;
            await state.WriteStateAsync();
        }
    }

    private void Schedule(TimeSpan dueIn)
    {
        retryTimer?.Dispose();
        retryTimer = this.RegisterGrainTimer(_ => AttemptAsync(), new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams app for rep {RepId}: {Outcome}; the bot can reach them once Teams reports the install")]
    private partial void LogInstalled(string repId, TeamsAppInstallOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams app install for rep {RepId} refused; not retried: {Detail}")]
    private partial void LogRejected(string repId, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams app install for rep {RepId} failed (attempt {Attempts}); will retry: {Detail}")]
    private partial void LogRetry(string repId, int attempts, string? detail);
}
