using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Api.Tests.Infrastructure;
using SalesCoach.DirectorySync;
using WireMock.Matchers;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;
using SalesCoach.Tests.Shared;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>
/// A rep who never opened the bot: the first notification that cannot reach them makes the host install the Teams
/// app for them through Graph (<c>POST /users/{id}/teamwork/installedApps</c>, once); the install's
/// <c>conversationUpdate</c> stores the conversation and what waited in the rep's outbox is delivered. A rep who already
/// had the app (409, no such event) is reached through the existing chat Graph names, on the tenant's known Bot Connector.
/// The same stub stands in for Graph and for the Bot Connector (the activities' serviceUrl).
/// </summary>
[Collection(GraphHostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ProactiveReachTests(GraphHostFixture host)
{
    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    private static string InstallPath(string rep) => $"/v1.0/users/{rep}/teamwork/installedApps";

    private int Calls(string path, string method = "POST") =>
        host.Graph.Server.LogEntries.Count(e => e.RequestMessage.Path == path && e.RequestMessage.Method == method);


    private async Task<string> NewRepAsync()
    {
        var rep = Guid.NewGuid().ToString();
        await (await Admin.PutRepAsync(rep, new { name = "Dana", email = $"dana-{rep[..8]}@contoso.example" })).ShouldBeAsync(HttpStatusCode.OK);
        return rep;
    }

    private static string InstalledAppsPath(string rep) => $"/v1.0/users/{rep}/teamwork/installedApps";

    /// <summary>A chat id as Graph gives them for a user's 1:1 chat with an app.</summary>
    private static string ChatId(string rep) => $"19:{rep}_28a0e7b5-salescoach-bot@unq.gbl.spaces";

    /// <summary>Graph's teamsAppInstallation id (base64, not the app's id).</summary>
    private static string InstallationId(string rep) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rep}##{GraphHostFixture.TeamsAppId}"));

    private bool Delivered(string conversationFragment, string text) => host.Graph.Server.LogEntries.Any(e =>
        e.RequestMessage.Method == "POST" && Uri.UnescapeDataString(e.RequestMessage.Path).StartsWith($"/v3/conversations/{conversationFragment}", StringComparison.Ordinal)
        && e.RequestMessage.Body?.Contains(text, StringComparison.Ordinal) == true);

    /// <summary>Another rep opened the bot in Teams: their stored conversation tells the host the tenant's Bot Connector serviceUrl.</summary>
    private async Task StoreTeamsConversationAsync(string rep)
    {
        host.Graph.Server.Given(Request.Create().WithPath(new WildcardMatcher($"/v3/conversations/a:dm-{rep}*")).UsingPost())
            .RespondWith(GraphStub.Json(new JsonObject { ["id"] = "1" }));
        using var update = await host.As("").PostAsync("/api/messages", new StringContent(ConversationUpdate(rep).ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(update.IsSuccessStatusCode, $"/api/messages answered {(int)update.StatusCode}");
    }

    private JsonObject ConversationUpdate(string rep) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = $"f:{Guid.NewGuid():N}",
        ["serviceUrl"] = host.Graph.Server.Urls[0] + "/",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:{rep}", ["aadObjectId"] = rep },
        ["recipient"] = new JsonObject { ["id"] = "28:salescoach-bot", ["name"] = "SalesCoach" },
        ["conversation"] = new JsonObject { ["id"] = $"a:dm-{rep}", ["conversationType"] = "personal", ["tenantId"] = "contoso-tenant" },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = $"29:{rep}", ["aadObjectId"] = rep }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "contoso-tenant" } },
    };

    /// <summary>Graph's answers for a rep who has the app already: 409 on install, the installation listed by app id, and its chat.</summary>
    private static void GivenAppAlreadyInstalled(GraphStub graph, string rep, WireMock.ResponseBuilders.IResponseBuilder chat)
    {
        graph.Server.Given(Request.Create().WithPath(InstallPath(rep)).UsingPost())
            .RespondWith(GraphStub.Error(409, "Conflict", "App is already installed for the user."));
        graph.Server.Given(Request.Create().WithPath(InstalledAppsPath(rep)).UsingGet()
                .WithParam("$expand", "teamsApp").WithParam("$filter", $"teamsApp/id eq '{GraphHostFixture.TeamsAppId}'")
                .WithHeader("Authorization", $"Bearer {GraphStub.Token}"))
            .RespondWith(GraphStub.Json(new JsonObject
            {
                ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{rep}')/teamwork/installedApps(teamsApp())",
                ["value"] = new JsonArray(new JsonObject
                {
                    ["id"] = InstallationId(rep),
                    ["teamsApp"] = new JsonObject
                    {
                        ["id"] = GraphHostFixture.TeamsAppId,
                        ["externalId"] = "3f0c6a52-7b1d-4e8a-9c2f-salescoach-manifest",
                        ["displayName"] = "SalesCoach",
                        ["distributionMethod"] = "organization",
                    },
                }),
            }));
        graph.Server.Given(Request.Create().WithPath(new WildcardMatcher($"{InstalledAppsPath(rep)}/*/chat")).UsingGet()
                .WithHeader("Authorization", $"Bearer {GraphStub.Token}"))
            .RespondWith(chat);
    }

    private static WireMock.ResponseBuilders.IResponseBuilder ChatAnswer(string rep) => GraphStub.Json(new JsonObject
    {
        ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#chats/$entity",
        ["id"] = ChatId(rep),
        ["topic"] = null,
        ["createdDateTime"] = "2026-06-02T08:14:23.41Z",
        ["lastUpdatedDateTime"] = "2026-06-02T08:14:23.41Z",
        ["chatType"] = "oneOnOne",
        ["webUrl"] = $"https://teams.microsoft.com/l/chat/{Uri.EscapeDataString(ChatId(rep))}/0?tenantId=contoso-tenant",
        ["tenantId"] = "contoso-tenant",
    });

    private Task<HttpResponseMessage> KudosAsync(string rep, string message) =>
        Admin.PostAsync("/api/kudos", ApiJson.Content(new { to = rep, message }));

    [Fact]
    public async Task RepNeverOpenedTheBot_AppInstalledOnceThenTheInstallDeliversWhatWaited()
    {
        var rep = await NewRepAsync();
        host.Graph.Server.Given(Request.Create().WithPath(InstallPath(rep)).UsingPost()
                .WithHeader("Authorization", $"Bearer {GraphStub.Token}").WithHeader("Content-Type", new WildcardMatcher("application/json*")))
            .RespondWith(Response.Create().WithStatusCode(201)); // Graph: 201 Created, no body
        host.Graph.Server.Given(Request.Create().WithPath(new WildcardMatcher($"/v3/conversations/a:dm-{rep}*")).UsingPost())
            .RespondWith(GraphStub.Json(new JsonObject { ["id"] = "1" }));

        (await KudosAsync(rep, "First deal closed, well done")).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Calls(InstallPath(rep)) == 1, "the install request");
        (await KudosAsync(rep, "And a second one")).EnsureSuccessStatusCode(); // still unreachable: no second install
        await Eventually.TrueAsync(async () => (await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamsAppInstallGrain>(rep).GetAsync()).Status == "installed", "the install to be recorded");

        // Teams, having installed the app, tells the bot (Development mode: loopback needs no token).
        using var update = await host.As("").PostAsync("/api/messages", new StringContent(ConversationUpdate(rep).ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(update.IsSuccessStatusCode, $"/api/messages answered {(int)update.StatusCode}");

        bool Delivered(string text) => host.Graph.Server.LogEntries.Any(e =>
            e.RequestMessage.Path.StartsWith($"/v3/conversations/a:dm-{rep}", StringComparison.Ordinal) && e.RequestMessage.Body?.Contains(text, StringComparison.Ordinal) == true);
        await Eventually.TrueAsync(() => Delivered("First deal closed, well done") && Delivered("And a second one"), "the waiting kudos delivered");

        Assert.Equal(1, Calls(InstallPath(rep)));
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamsAppInstallGrain>(rep);
        host.Clock.Advance(TeamsAppInstallGrain.InstallEventGrace); // the install event came in time: no chat lookup
        await grain.AsReference<IRemindable>().ReceiveReminder(TeamsAppInstallGrain.RetryReminder, default);
        Assert.Equal("notNeeded", (await grain.GetAsync()).Chat);
        Assert.Equal(0, Calls(InstalledAppsPath(rep), "GET"));
        var install = host.Graph.Server.LogEntries.Single(e => e.RequestMessage.Path == InstallPath(rep)).RequestMessage;
        Assert.Equal(
            $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{GraphHostFixture.TeamsAppId}",
            JsonNode.Parse(install.Body!)!["teamsApp@odata.bind"]!.GetValue<string>());
    }

    [Fact]
    public async Task AppAlreadyInstalled_ExistingChatFoundThroughGraph_WhatWaitedIsDeliveredThere()
    {
        var colleague = await NewRepAsync();
        await StoreTeamsConversationAsync(colleague);
        var rep = await NewRepAsync();
        GivenAppAlreadyInstalled(host.Graph, rep, ChatAnswer(rep));
        host.Graph.Server.Given(Request.Create().WithPath(new WildcardMatcher($"/v3/conversations/19*{rep}*")).UsingPost())
            .RespondWith(GraphStub.Json(new JsonObject { ["id"] = "1" }));

        (await KudosAsync(rep, "Welcome back, the pipeline missed you")).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Delivered(ChatId(rep), "Welcome back, the pipeline missed you"), "the waiting kudos delivered to the existing chat");

        var view = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamsAppInstallGrain>(rep).GetAsync();
        Assert.Equal(("alreadyInstalled", "stored", null), (view.Status, view.Chat, view.LastError));
        var stored = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<SalesCoach.Reps.IRepGrain>(rep).GetConversationAsync();
        Assert.Equal(("msteams", host.Graph.Server.Urls[0] + "/", ChatId(rep), "28:salescoach-bot", "contoso-tenant"),
            (stored!.ChannelId, stored.ServiceUrl, stored.ConversationId, stored.BotId, stored.TenantId));
        var lookups = host.Graph.Server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith(InstalledAppsPath(rep), StringComparison.Ordinal)
            && e.RequestMessage.Method == "GET").Select(e => e.RequestMessage).ToList();
        Assert.Equal(2, lookups.Count);
        Assert.Equal($"teamsApp/id eq '{GraphHostFixture.TeamsAppId}'", lookups[0].Query!["$filter"].Single());
        Assert.Equal("teamsApp", lookups[0].Query!["$expand"].Single());
        Assert.Equal($"{InstalledAppsPath(rep)}/{InstallationId(rep)}/chat", Uri.UnescapeDataString(lookups[1].Path));
        Assert.All(lookups, l => Assert.Equal($"Bearer {GraphStub.Token}", l.Headers!["Authorization"].Single()));
        Assert.Equal(1, Calls(InstallPath(rep)));
    }

    [Fact]
    public async Task AppAlreadyInstalled_ChatNotFound_RecordedAndNotRetried()
    {
        var colleague = await NewRepAsync();
        await StoreTeamsConversationAsync(colleague);
        var rep = await NewRepAsync();
        GivenAppAlreadyInstalled(host.Graph, rep, GraphStub.Error(404, "NotFound", "Requested chat was not found."));
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamsAppInstallGrain>(rep);

        (await KudosAsync(rep, "Nice")).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await grain.GetAsync()).Chat == "failed", "the chat lookup to fail");
        (await KudosAsync(rep, "Nice again")).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromHours(7)); // past the longest backoff
        await grain.AsReference<IRemindable>().ReceiveReminder(TeamsAppInstallGrain.RetryReminder, default);

        var view = await grain.GetAsync();
        Assert.Equal("alreadyInstalled", view.Status);
        Assert.Contains("NotFound", view.LastError, StringComparison.Ordinal);
        Assert.Equal(1, host.Graph.Server.LogEntries.Count(e => e.RequestMessage.Path.EndsWith("/chat", StringComparison.Ordinal)
            && e.RequestMessage.Path.StartsWith(InstalledAppsPath(rep), StringComparison.Ordinal)));
        Assert.Null(await host.Services.GetRequiredService<IGrainFactory>().GetGrain<SalesCoach.Reps.IRepGrain>(rep).GetConversationAsync());
    }

    [Fact]
    public async Task AppAlreadyInstalled_NoServiceUrlKnown_NothingStoredAndTheStateSaysSo()
    {
        // A host of its own: no rep of this tenant has a Teams conversation yet, and Bot:ServiceUrl is not set.
        var fresh = new GraphHostFixture();
        await fresh.InitializeAsync();
        try
        {
            var rep = Guid.NewGuid().ToString();
            await (await fresh.As(SalesCoachHostFixture.Admin).PutRepAsync(rep, new { name = "Eli", email = $"eli-{rep[..8]}@contoso.example" })).ShouldBeAsync(HttpStatusCode.OK);
            GivenAppAlreadyInstalled(fresh.Graph, rep, ChatAnswer(rep));
            var grain = fresh.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamsAppInstallGrain>(rep);

            (await fresh.As(SalesCoachHostFixture.Admin).PostAsync("/api/kudos", ApiJson.Content(new { to = rep, message = "Nice" }))).EnsureSuccessStatusCode();
            await Eventually.TrueAsync(async () => (await grain.GetAsync()).Chat == "noServiceUrl", "the chat lookup to find no serviceUrl");

            var view = await grain.GetAsync();
            Assert.Equal("alreadyInstalled", view.Status);
            Assert.Contains("Bot:ServiceUrl", view.LastError, StringComparison.Ordinal);
            Assert.Null(await fresh.Services.GetRequiredService<IGrainFactory>().GetGrain<SalesCoach.Reps.IRepGrain>(rep).GetConversationAsync());
            Assert.DoesNotContain(fresh.Graph.Server.LogEntries, e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path.StartsWith(InstalledAppsPath(rep), StringComparison.Ordinal));
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(409, "Conflict", "alreadyInstalled")]
    [InlineData(403, "Forbidden", "failed")]
    [InlineData(404, "NotFound", "failed")]
    public async Task InstallAnswers_RememberedAsGraphSaid(int status, string code, string expected)
    {
        var rep = await NewRepAsync();
        host.Graph.Server.Given(Request.Create().WithPath(InstallPath(rep)).UsingPost())
            .RespondWith(GraphStub.Error(status, code, status == 403
                ? "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteForUser.All'."
                : "The app is already installed, or the user or app was not found."));

        (await KudosAsync(rep, "Nice")).EnsureSuccessStatusCode();
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamsAppInstallGrain>(rep);
        await Eventually.TrueAsync(async () => (await grain.GetAsync()).Status == expected, $"the install status {expected}");
        (await KudosAsync(rep, "Nice again")).EnsureSuccessStatusCode();

        var view = await grain.GetAsync();
        Assert.Equal(1, Calls(InstallPath(rep)));
        if (status == 403)
        {
            Assert.Contains("TeamsAppInstallation.ReadWriteForUser.All application permission", view.LastError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InstallServerError_PendingAndRetriedAfterTheBackoff()
    {
        var rep = await NewRepAsync();
        host.Graph.Server.Given(Request.Create().WithPath(InstallPath(rep)).UsingPost())
            .RespondWith(GraphStub.Error(500, "InternalServerError", "Something went wrong."));

        (await KudosAsync(rep, "Nice")).EnsureSuccessStatusCode();
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamsAppInstallGrain>(rep);
        await Eventually.TrueAsync(async () => (await grain.GetAsync()).Attempts == 1, "the first install attempt");

        var view = await grain.GetAsync();
        Assert.Equal("pending", view.Status);
        Assert.Contains("unavailable", view.LastError, StringComparison.Ordinal);
        Assert.Equal(view.RequestedAt + TimeSpan.FromMinutes(1), view.NextAttemptAt); // tried again after the backoff, on the business clock
    }

}
