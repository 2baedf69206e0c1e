using System.Text.Json.Nodes;
using SalesCoach.Bot.Integrations.Graph;
using SalesCoach.DirectorySync;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>
/// The Graph directory through the real Graph SDK, its base URL on a loopback WireMock stub that
/// answers as Graph's v1.0 docs show (users with expanded manager, group members, a message, an app installation).
/// </summary>
[Trait("Category", "Integration")]
public sealed class GraphDirectoryTests : IDisposable
{
    private readonly GraphStub graph = new();
    private readonly GraphDirectory directory;

    public GraphDirectoryTests() => directory = new GraphDirectory(graph.Client());

    [Fact]
    public async Task ListUsersAsync_TwoPages_UsersWithManagersAndTheAppToken()
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users").UsingGet().WithParam("$skiptoken", "p2"))
            .RespondWith(GraphStub.Json(new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName,manager(id))",
                ["value"] = new JsonArray(new JsonObject { ["id"] = "u-bo", ["displayName"] = "Bo", ["mail"] = null, ["userPrincipalName"] = "bo@contoso.example" }),
            }));
        graph.Server.Given(Request.Create().WithPath("/v1.0/users").UsingGet().WithParam("$expand", "manager($select=id)")
                .WithHeader("Authorization", $"Bearer {GraphStub.Token}"))
            .AtPriority(2)
            .RespondWith(GraphStub.Json(new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName,manager(id))",
                ["@odata.nextLink"] = $"{graph.Server.Urls[0]}/v1.0/users?$skiptoken=p2",
                ["value"] = new JsonArray(new JsonObject
                {
                    ["id"] = "u-ana", ["displayName"] = "Ana", ["mail"] = "ana@contoso.example", ["userPrincipalName"] = "ana@contoso.example",
                    ["manager"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = "u-maria" },
                }),
            }));

        var users = await directory.ListUsersAsync(CancellationToken.None);

        Assert.Equal(
            [new("u-ana", "Ana", "ana@contoso.example", "u-maria"), new("u-bo", "Bo", "bo@contoso.example", null)],
            users);
        var first = graph.Server.LogEntries.First().RequestMessage;
        var query = Uri.UnescapeDataString(first.RawQuery!).Replace('+', ' ');
        Assert.Contains("$filter=accountEnabled eq true", query, StringComparison.Ordinal);
        Assert.Contains("$select=id,displayName,mail,userPrincipalName", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListGroupMembersAsync_Group_UserIds()
    {
        // The SDK casts with the short form of microsoft.graph.user, which Graph accepts.
        graph.Server.Given(Request.Create().WithPath("/v1.0/groups/g-sales/members/graph.user").UsingGet())
            .RespondWith(GraphStub.Json(new JsonObject { ["value"] = new JsonArray(new JsonObject { ["id"] = "u-ana" }, new JsonObject { ["id"] = "u-bo" }) }));

        Assert.Equal(["u-ana", "u-bo"], await directory.ListGroupMembersAsync("g-sales", CancellationToken.None));
    }

    [Fact]
    public async Task GetMessageAsync_Message_TheServersFields()
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-ana/messages/AAMkAD1").UsingGet().WithHeader("Authorization", $"Bearer {GraphStub.Token}"))
            .RespondWith(GraphStub.Json(new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('u-ana')/messages(subject,from,toRecipients,sentDateTime,internetMessageId,bodyPreview)/$entity",
                ["@odata.etag"] = "W/\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAw/3XT\"",
                ["id"] = "AAMkAD1",
                ["subject"] = "Proposal",
                ["sentDateTime"] = "2026-11-27T14:05:00Z",
                ["internetMessageId"] = "<p1@contoso.example>",
                ["bodyPreview"] = "Please find attached…",
                ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Ana", ["address"] = "ana@contoso.example" } },
                ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "CTO", ["address"] = "cto@acme.example" } }),
            }));

        var message = await directory.GetMessageAsync("u-ana", "AAMkAD1", CancellationToken.None);

        Assert.NotNull(message);
        Assert.Equal(("Proposal", "ana@contoso.example", "<p1@contoso.example>", "Please find attached…"), (message.Subject, message.From, message.InternetMessageId, message.BodyPreview));
        Assert.Equal(["cto@acme.example"], message.To);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 14, 5, 0, TimeSpan.Zero), message.SentAt);
        Assert.Contains("$select=subject,from,toRecipients,sentDateTime,internetMessageId,bodyPreview",
            Uri.UnescapeDataString(graph.Server.LogEntries.Single().RequestMessage.RawQuery!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMessageAsync_404_Null()
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-ana/messages/gone").UsingGet())
            .RespondWith(GraphStub.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));

        Assert.Null(await directory.GetMessageAsync("u-ana", "gone", CancellationToken.None));
    }

    [Fact]
    public async Task GetMessageAsync_429WithRetryAfter_TheSdkRetriesThenAnswers()
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-ana/messages/m2").UsingGet()).InScenario("throttle").WillSetStateTo("open")
            .RespondWith(GraphStub.Error(429, "TooManyRequests", "Too many requests").WithHeader("Retry-After", "1"));
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-ana/messages/m2").UsingGet()).InScenario("throttle").WhenStateIs("open")
            .RespondWith(GraphStub.Json(new JsonObject { ["id"] = "m2", ["subject"] = "Hi" }));

        var message = await directory.GetMessageAsync("u-ana", "m2", CancellationToken.None);

        Assert.Equal("Hi", message?.Subject);
        Assert.Equal(2, graph.Server.LogEntries.Count());
    }

    [Theory]
    [InlineData(403, "ErrorAccessDenied", DirectoryFailure.Forbidden, "Mail.Read application permission")]
    [InlineData(400, "ErrorInvalidIdMalformed", DirectoryFailure.Invalid, "ErrorInvalidIdMalformed")]
    [InlineData(500, "generalException", DirectoryFailure.Unavailable, "unavailable")]
    public async Task GetMessageAsync_Refused_ClassifiedForTheCaller(int status, string code, DirectoryFailure failure, string said)
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-ana/messages/m3").UsingGet())
            .RespondWith(GraphStub.Error(status, code, "Graph's own words."));

        var e = await Assert.ThrowsAsync<DirectoryException>(() => directory.GetMessageAsync("u-ana", "m3", CancellationToken.None));

        Assert.Equal(failure, e.Failure);
        Assert.Contains(said, e.Message, StringComparison.Ordinal);
        Assert.Contains("Graph's own words.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallTeamsAppAsync_User_PostsTheAppBinding()
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-bo/teamwork/installedApps").UsingPost().WithHeader("Authorization", $"Bearer {GraphStub.Token}"))
            .RespondWith(Response.Create().WithStatusCode(201));

        Assert.True(await directory.InstallTeamsAppAsync("u-bo", "app-123", CancellationToken.None));

        var request = graph.Server.LogEntries.Single().RequestMessage;
        Assert.StartsWith("application/json", request.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        Assert.Equal("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/app-123", body["teamsApp@odata.bind"]!.GetValue<string>());
        Assert.DoesNotContain(body, p => p.Key != "teamsApp@odata.bind" && p.Key != "@odata.type"); // nothing else, as Graph's example
    }

    [Fact]
    public async Task InstallTeamsAppAsync_AlreadyInstalled409_DoneButNotNew()
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-bo/teamwork/installedApps").UsingPost())
            .RespondWith(GraphStub.Error(409, "Conflict", "App is already installed."));

        Assert.False(await directory.InstallTeamsAppAsync("u-bo", "app-123", CancellationToken.None));
    }

    [Fact]
    public async Task InstallTeamsAppAsync_Forbidden_NamesThePermission()
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-bo/teamwork/installedApps").UsingPost())
            .RespondWith(GraphStub.Error(403, "Forbidden", "Missing role permissions on the request."));

        var e = await Assert.ThrowsAsync<DirectoryException>(() => directory.InstallTeamsAppAsync("u-bo", "app-123", CancellationToken.None));

        Assert.Equal(DirectoryFailure.Forbidden, e.Failure);
        Assert.Contains("TeamsAppInstallation.ReadWriteForUser.All", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindTeamsAppChatAsync_NotInstalledForTheUser_NullWithoutAskingForAChat()
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-bo/teamwork/installedApps").UsingGet().WithParam("$filter", "teamsApp/id eq 'app-123'"))
            .RespondWith(GraphStub.Json(new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('u-bo')/teamwork/installedApps(teamsApp())",
                ["value"] = new JsonArray(),
            }));

        Assert.Null(await directory.FindTeamsAppChatAsync("u-bo", "app-123", CancellationToken.None));
        Assert.Single(graph.Server.LogEntries);
    }

    [Fact]
    public async Task FindTeamsAppChatAsync_Forbidden_NamesThePermission()
    {
        graph.Server.Given(Request.Create().WithPath("/v1.0/users/u-bo/teamwork/installedApps").UsingGet())
            .RespondWith(GraphStub.Error(403, "Forbidden", "Missing role permissions on the request."));

        var e = await Assert.ThrowsAsync<DirectoryException>(() => directory.FindTeamsAppChatAsync("u-bo", "app-123", CancellationToken.None));

        Assert.Equal(DirectoryFailure.Forbidden, e.Failure);
        Assert.Contains("TeamsAppInstallation.ReadWriteForUser.All", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotConfigured_EverythingEmptyWithoutCalls()
    {
        var off = new GraphDirectory(null);

        Assert.False(off.IsConfigured);
        Assert.Empty(await off.ListUsersAsync(CancellationToken.None));
        Assert.Null(await off.GetMessageAsync("u", "m", CancellationToken.None));
        Assert.Null(await off.FindTeamsAppChatAsync("u", "app", CancellationToken.None));
    }

    public void Dispose() => graph.Dispose();
}
