using SalesCoach.DirectorySync;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.DirectorySync;

/// <summary>
/// Proactive reach: the Teams app is installed for a rep once, retried when Graph is busy, not retried when refused;
/// when it was already there, the existing chat is looked up once and stored as the rep's conversation.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TeamsAppInstallGrainTests(ClusterFixture fixture)
{
    private static string NewRep() => Guid.NewGuid().ToString();

    /// <summary>Runs the due attempt as the grain's timer or reminder would.</summary>
    private async Task<TeamsAppInstallView> SettledAsync(string rep)
    {
        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).AsReference<IRemindable>().ReceiveReminder(TeamsAppInstallGrain.RetryReminder, default);
        return await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).GetAsync();
    }

    [Fact]
    public async Task Request_ManyTimes_InstalledOnceAndRemembered()
    {
        var rep = NewRep();
        var grain = fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep);

        await grain.RequestAsync();
        var view = await SettledAsync(rep);
        await grain.RequestAsync(); // the outbox retrying, a directory sync offering it again
        await grain.RequestAsync();
        await SettledAsync(rep);
        await fixture.RestartAsync(); // remembered durably, not in memory
        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var after = await SettledAsync(rep);

        Assert.Equal(("installed", 1, null), (view.Status, view.Attempts, view.LastError));
        Assert.Equal(("installed", 1), (after.Status, after.Attempts));
        Assert.Single(fixture.TeamsApps.CallsFor(rep));
        await fixture.Grains.GetGrain<IRepGrain>(rep).SaveConversationAsync(TeamsConversation(rep, "a:install-event")); // Teams' install event
        fixture.Time.Advance(TeamsAppInstallGrain.InstallEventGrace);
        Assert.Equal("notNeeded", (await SettledAsync(rep)).Chat);
        Assert.Empty(fixture.TeamsApps.ChatCallsFor(rep));
        Assert.Equal(0, await fixture.ReminderRowsAsync($"teamsappinstall/{rep}"));
    }

    [Fact]
    public async Task Request_GraphBusyThenInstalled_RetriedAfterTheLongerOfRetryAfterAndTheBackoff()
    {
        var rep = NewRep();
        fixture.TeamsApps.Script(rep, new TeamsAppInstallResult(TeamsAppInstallOutcome.Retry, "429 TooManyRequests", TimeSpan.FromMinutes(3)));

        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var first = await SettledAsync(rep);
        var remindersWhilePending = await fixture.ReminderRowsAsync($"teamsappinstall/{rep}");
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var early = await SettledAsync(rep); // the first delay (1 min) is shorter than Retry-After: not yet
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await SettledAsync(rep);

        Assert.Equal(("pending", 1, "429 TooManyRequests"), (first.Status, first.Attempts, first.LastError));
        Assert.Equal(first.RequestedAt + TimeSpan.FromMinutes(3), first.NextAttemptAt);
        Assert.Equal(1, early.Attempts);
        Assert.Equal(("installed", 2, null), (second.Status, second.Attempts, second.LastError));
        Assert.Equal(2, fixture.TeamsApps.CallsFor(rep).Count);
        fixture.Time.Advance(TeamsAppInstallGrain.InstallEventGrace); // no install event: the chat is looked up (default: no serviceUrl)
        Assert.Equal("noServiceUrl", (await SettledAsync(rep)).Chat);
        Assert.Equal((1, 0), (remindersWhilePending, await fixture.ReminderRowsAsync($"teamsappinstall/{rep}"))); // a safety net only while pending
    }

    [Fact]
    public async Task Request_AlreadyInstalled_DoneWithoutRetry()
    {
        var rep = NewRep();
        fixture.TeamsApps.Script(rep, new TeamsAppInstallResult(TeamsAppInstallOutcome.AlreadyInstalled));

        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var view = await SettledAsync(rep);

        Assert.Equal(("alreadyInstalled", "noServiceUrl"), (view.Status, view.Chat));
        Assert.Single(fixture.TeamsApps.CallsFor(rep));
    }

    private static ConversationReference TeamsConversation(string rep, string conversationId) => new()
    {
        ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/emea/", ConversationId = conversationId,
        BotId = "28:salescoach-bot", UserId = rep, TenantId = "contoso-tenant",
    };

    [Fact]
    public async Task Installed_NoInstallEventWithinTheGrace_ChatLookedUpAndStored()
    {
        var rep = NewRep();
        var conversation = TeamsConversation(rep, $"19:{rep}_bot@unq.gbl.spaces");
        fixture.TeamsApps.ScriptChat(rep, new TeamsChatResult(TeamsChatOutcome.Found, conversation));

        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var installed = await SettledAsync(rep);
        var early = await SettledAsync(rep);
        fixture.Time.Advance(TeamsAppInstallGrain.InstallEventGrace);
        var later = await SettledAsync(rep);

        Assert.Equal(("installed", "pending"), (installed.Status, installed.Chat));
        Assert.Equal(installed.DoneAt + TeamsAppInstallGrain.InstallEventGrace, installed.NextAttemptAt);
        Assert.Equal("pending", early.Chat);
        Assert.Equal(("installed", "stored"), (later.Status, later.Chat));
        Assert.Equal(conversation, await fixture.Grains.GetGrain<IRepGrain>(rep).GetConversationAsync());
        Assert.Single(fixture.TeamsApps.ChatCallsFor(rep));
        Assert.Equal(0, await fixture.ReminderRowsAsync($"teamsappinstall/{rep}"));
    }

    [Fact]
    public async Task AlreadyInstalled_RepAlreadyReachable_TheirConversationIsNotReplaced()
    {
        var rep = NewRep();
        var theirs = TeamsConversation(rep, "a:opened-the-bot");
        await fixture.Grains.GetGrain<IRepGrain>(rep).SaveConversationAsync(theirs);
        fixture.TeamsApps.Script(rep, new TeamsAppInstallResult(TeamsAppInstallOutcome.AlreadyInstalled));

        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var view = await SettledAsync(rep);

        Assert.Equal(("alreadyInstalled", "notNeeded"), (view.Status, view.Chat));
        Assert.Equal(theirs, await fixture.Grains.GetGrain<IRepGrain>(rep).GetConversationAsync());
        Assert.Empty(fixture.TeamsApps.ChatCallsFor(rep));
    }

    [Fact]
    public async Task AlreadyInstalled_ChatFound_StoredAsTheRepsConversationOnce()
    {
        var rep = NewRep();
        var conversation = TeamsConversation(rep, $"19:{rep}_bot@unq.gbl.spaces");
        fixture.TeamsApps.Script(rep, new TeamsAppInstallResult(TeamsAppInstallOutcome.AlreadyInstalled));
        fixture.TeamsApps.ScriptChat(rep, new TeamsChatResult(TeamsChatOutcome.Found, conversation));

        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var view = await SettledAsync(rep);
        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        await SettledAsync(rep);

        Assert.Equal(("alreadyInstalled", "stored", null), (view.Status, view.Chat, view.LastError));
        Assert.Equal(conversation, await fixture.Grains.GetGrain<IRepGrain>(rep).GetConversationAsync());
        Assert.Single(fixture.TeamsApps.ChatCallsFor(rep));
        Assert.Equal(0, await fixture.ReminderRowsAsync($"teamsappinstall/{rep}"));
    }

    [Fact]
    public async Task AlreadyInstalled_NoServiceUrlKnown_NothingStoredAndTheStateSaysSo()
    {
        var rep = NewRep();
        fixture.TeamsApps.Script(rep, new TeamsAppInstallResult(TeamsAppInstallOutcome.AlreadyInstalled));
        fixture.TeamsApps.ScriptChat(rep, new TeamsChatResult(TeamsChatOutcome.NoServiceUrl, Detail: "no Bot Connector serviceUrl is known"));

        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var view = await SettledAsync(rep);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await SettledAsync(rep);

        Assert.Equal(("alreadyInstalled", "noServiceUrl", "no Bot Connector serviceUrl is known"), (view.Status, view.Chat, view.LastError));
        Assert.Null(await fixture.Grains.GetGrain<IRepGrain>(rep).GetConversationAsync());
        Assert.Single(fixture.TeamsApps.ChatCallsFor(rep)); // waits for the rep to open the bot, as before
        Assert.Equal(0, await fixture.ReminderRowsAsync($"teamsappinstall/{rep}"));
    }

    [Fact]
    public async Task AlreadyInstalled_ChatLookupBusyThenRefused_RetriedAfterTheBackoffThenFailedForGood()
    {
        var rep = NewRep();
        fixture.TeamsApps.Script(rep, new TeamsAppInstallResult(TeamsAppInstallOutcome.AlreadyInstalled));
        fixture.TeamsApps.ScriptChat(rep,
            new TeamsChatResult(TeamsChatOutcome.Retry, Detail: "503 ServiceUnavailable"),
            new TeamsChatResult(TeamsChatOutcome.Rejected, Detail: "Microsoft Graph found nothing looking up the chat (NotFound)"));

        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var first = await SettledAsync(rep);
        var remindersWhileLooking = await fixture.ReminderRowsAsync($"teamsappinstall/{rep}");
        fixture.Time.Advance(TeamsAppInstallGrain.FirstRetryDelay);
        var second = await SettledAsync(rep);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await SettledAsync(rep);

        Assert.Equal(("pending", "503 ServiceUnavailable"), (first.Chat, first.LastError));
        Assert.Equal(first.DoneAt + TeamsAppInstallGrain.FirstRetryDelay, first.NextAttemptAt);
        Assert.Equal(1, remindersWhileLooking);
        Assert.Equal(("alreadyInstalled", "failed"), (second.Status, second.Chat));
        Assert.Contains("NotFound", second.LastError, StringComparison.Ordinal);
        Assert.Single(fixture.TeamsApps.CallsFor(rep)); // the install itself is not asked again
        Assert.Equal(2, fixture.TeamsApps.ChatCallsFor(rep).Count);
        Assert.Equal(0, await fixture.ReminderRowsAsync($"teamsappinstall/{rep}"));
    }

    [Fact]
    public async Task Request_Refused_FailedWithTheReasonAndNotRetried()
    {
        var rep = NewRep();
        fixture.TeamsApps.Script(rep, new TeamsAppInstallResult(TeamsAppInstallOutcome.Rejected, "grant TeamsAppInstallation.ReadWriteForUser.All"));

        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var view = await SettledAsync(rep);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await fixture.Grains.GetGrain<ITeamsAppInstallGrain>(rep).RequestAsync();
        var later = await SettledAsync(rep);

        Assert.Equal(("failed", "grant TeamsAppInstallation.ReadWriteForUser.All"), (view.Status, view.LastError));
        Assert.Equal("failed", later.Status);
        Assert.Single(fixture.TeamsApps.CallsFor(rep));
    }
}
