using Microsoft.Extensions.Logging;
using SalesCoach.Common;
using SalesCoach.Reps;

namespace SalesCoach.DirectorySync;

/// <summary>
/// Installs the Teams app for one rep, once. The request is persisted before the port is called; a throttled
/// or failing call is retried with a doubling delay (a longer Retry-After wins); a refusal (permission, unknown
/// user or app) is kept as failed and not retried — an administrator fixes it. While pending the grain holds one
/// reminder, so a restart resumes. When the app was already there (409) no install event will come, so the grain
/// looks up the existing chat (retried the same way) and stores it as the rep's conversation; after a fresh install
/// it does so only if Teams' install event has not given the rep a conversation within <see cref="InstallEventGrace"/>.
/// Its calls to the rep grain are safe because the rep's own calls here always interleave.
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

    /// <summary>How long after a fresh install Teams' install event may take before the chat is looked up instead (it normally takes seconds).</summary>
    public static readonly TimeSpan InstallEventGrace = TimeSpan.FromMinutes(5);

    private IGrainTimer? retryTimer;
    private bool working;

    private TeamsAppInstallState Install => state.State;

    /// <summary>Something is left to do: the install itself, or the existing chat's lookup.</summary>
    private bool Waiting => Install.Status == "pending" || Install.Chat == "pending";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Waiting)
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
        NextAttemptAt = Waiting ? Install.NextAttemptAt : null,
        DoneAt = Install.DoneAt,
        Chat = Install.Chat,
    });

    public Task ReceiveReminder(string reminderName, TickStatus status) => AttemptAsync();

    private async Task AttemptAsync()
    {
        if (working)
        {
            return; // the attempt in progress writes the state and drops the reminder itself
        }

        if (!Waiting || Install.NextAttemptAt > clock.Now)
        {
            await DropReminderWhenDoneAsync();
            return;
        }

        working = true;
        try
        {
            var repId = this.GetPrimaryKeyString();
            if (Install.Status == "pending")
            {
                await InstallOnceAsync(repId);
                await state.WriteStateAsync(); // the install's outcome is kept before anything else is asked
            }

            if (Install.Chat == "pending" && Install.NextAttemptAt <= clock.Now)
            {
                await FindChatOnceAsync(repId);
                await state.WriteStateAsync();
            }

            await DropReminderWhenDoneAsync();
        }
        finally
        {
            working = false;
        }
    }

    private async Task InstallOnceAsync(string repId)
    {
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
                Install.Status = "installed";
                Install.DoneAt = clock.Now;
                Install.Chat = "pending"; // only looked up if the install event has not arrived by then
                Install.NextAttemptAt = clock.Now + InstallEventGrace;
                Schedule(InstallEventGrace);
                LogInstalled(repId, result.Outcome);
                break;
            case TeamsAppInstallOutcome.AlreadyInstalled:
                Install.Status = "alreadyInstalled";
                Install.DoneAt = clock.Now;
                Install.Chat = "pending"; // Teams sends no install event for an app already there: find the chat instead
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
                Install.NextAttemptAt = clock.Now + RetryDelay(Install.Attempts, result.RetryAfter);
                LogRetry(repId, Install.Attempts, result.Detail);
                Schedule(Install.NextAttemptAt.Value - clock.Now);
                break;
        }
    }

    private async Task FindChatOnceAsync(string repId)
    {
        if (await GrainFactory.GetGrain<IRepGrain>(repId).GetConversationAsync() is not null)
        {
            Install.Chat = "notNeeded"; // Teams' install event (or the rep) got there first: never replace what Teams said
            Install.LastError = null;
            return;
        }

        TeamsChatResult result;
        try
        {
            result = await installer.FindChatAsync(repId, CancellationToken.None);
        }
        catch (Exception e)
        {
            result = new TeamsChatResult(TeamsChatOutcome.Retry, Detail: e.Message);
        }

        Install.ChatAttempts++;
        switch (result.Outcome)
        {
            case TeamsChatOutcome.Found when result.Conversation is { } conversation:
                // The rep grain sends what waited in its outbox as soon as it has the conversation.
                await GrainFactory.GetGrain<IRepGrain>(repId).SaveConversationAsync(conversation);
                Install.Chat = "stored";
                Install.LastError = null;
                LogChatStored(repId, conversation.ConversationId);
                break;
            case TeamsChatOutcome.NoServiceUrl:
                Install.Chat = "noServiceUrl";
                Install.LastError = result.Detail;
                LogNoServiceUrl(repId, result.Detail);
                break;
            case TeamsChatOutcome.Skipped:
                Install.Chat = null;
                break;
            case TeamsChatOutcome.Rejected:
            case TeamsChatOutcome.Found: // found nothing to store: as good as refused
                Install.Chat = "failed";
                Install.LastError = result.Detail ?? "no conversation found";
                LogChatRejected(repId, Install.LastError);
                break;
            default:
                Install.LastError = result.Detail;
                Install.NextAttemptAt = clock.Now + RetryDelay(Install.ChatAttempts, result.RetryAfter);
                LogRetry(repId, Install.ChatAttempts, result.Detail);
                Schedule(Install.NextAttemptAt.Value - clock.Now);
                break;
        }
    }

    /// <summary>Doubling from <see cref="FirstRetryDelay"/> up to <see cref="MaxRetryDelay"/>; a longer Retry-After wins.</summary>
    private static TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter) =>
        RetryBackoff.After(attempts, FirstRetryDelay, MaxRetryDelay, retryAfter);

    private async Task DropReminderWhenDoneAsync()
    {
        if (Waiting && !Install.ReminderSet)
        {
            // Waiting again after the reminder was dropped (the chat lookup after a 409): the safety net comes back.
            await this.RegisterOrUpdateReminder(RetryReminder, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
            Install.ReminderSet = true;
            await state.WriteStateAsync();
        }
        else if (!Waiting && Install.ReminderSet)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams app for rep {RepId}: {Outcome}; the bot reaches them through Teams' install event or, failing that, the chat Graph names")]
    private partial void LogInstalled(string repId, TeamsAppInstallOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams app install for rep {RepId} refused; not retried: {Detail}")]
    private partial void LogRejected(string repId, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams app install for rep {RepId} failed (attempt {Attempts}); will retry: {Detail}")]
    private partial void LogRetry(string repId, int attempts, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams app was already installed for rep {RepId}: stored its existing chat {ConversationId} as the rep's conversation")]
    private partial void LogChatStored(string repId, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams app was already installed for rep {RepId}, but no Bot Connector serviceUrl is known yet; the rep is reached once they open the bot: {Detail}")]
    private partial void LogNoServiceUrl(string repId, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams app was already installed for rep {RepId}, but its chat could not be found; not retried: {Detail}")]
    private partial void LogChatRejected(string repId, string? detail);
}
