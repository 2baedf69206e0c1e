using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Api.Tests.Infrastructure;
using SalesCoach.DirectorySync;
using WireMock.Matchers;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>
/// A rep who never opened the bot: the first notification that cannot reach them makes the host install the Teams
/// app for them through Graph (<c>POST /users/{id}/teamwork/installedApps</c>, once); the install's
/// <c>conversationUpdate</c> stores the conversation and what waited in the rep's outbox is delivered.
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

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    private async Task<string> NewRepAsync()
    {
        var rep = Guid.NewGuid().ToString();
        await (await Admin.PutRepAsync(rep, new { name = "Dana", email = $"dana-{rep[..8]}@contoso.example" })).ShouldBeAsync(HttpStatusCode.OK);
        return rep;
    }

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
        await WaitUntilAsync(() => Calls(InstallPath(rep)) == 1, "the install request");
        (await KudosAsync(rep, "And a second one")).EnsureSuccessStatusCode(); // still unreachable: no second install
        await WaitUntilAsync(async () => (await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamsAppInstallGrain>(rep).GetAsync()).Status == "installed");

        // Teams, having installed the app, tells the bot (Development mode: loopback needs no token).
        using var update = await host.As("").PostAsync("/api/messages", new StringContent(new JsonObject
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
        }.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(update.IsSuccessStatusCode, $"/api/messages answered {(int)update.StatusCode}");

        bool Delivered(string text) => host.Graph.Server.LogEntries.Any(e =>
            e.RequestMessage.Path.StartsWith($"/v3/conversations/a:dm-{rep}", StringComparison.Ordinal) && e.RequestMessage.Body?.Contains(text, StringComparison.Ordinal) == true);
        await WaitUntilAsync(() => Delivered("First deal closed, well done") && Delivered("And a second one"), "the waiting kudos delivered");

        Assert.Equal(1, Calls(InstallPath(rep)));
        var install = host.Graph.Server.LogEntries.Single(e => e.RequestMessage.Path == InstallPath(rep)).RequestMessage;
        Assert.Equal(
            $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{GraphHostFixture.TeamsAppId}",
            JsonNode.Parse(install.Body!)!["teamsApp@odata.bind"]!.GetValue<string>());
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
        await WaitUntilAsync(async () => (await grain.GetAsync()).Status == expected);
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
        await WaitUntilAsync(async () => (await grain.GetAsync()).Attempts == 1);

        var view = await grain.GetAsync();
        Assert.Equal("pending", view.Status);
        Assert.Contains("unavailable", view.LastError, StringComparison.Ordinal);
        Assert.Equal(view.RequestedAt + TimeSpan.FromMinutes(1), view.NextAttemptAt); // tried again after the backoff, on the business clock
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
