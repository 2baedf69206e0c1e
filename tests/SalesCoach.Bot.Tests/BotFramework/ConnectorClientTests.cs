using System.Net;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Bot.BotFramework.Connector;
using SalesCoach.Bot.BotFramework.Schema;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SalesCoach.Bot.Tests.BotFramework;

/// <summary>The Connector REST calls, against a loopback server shaped as the Bot Connector API reference shows.</summary>
public sealed class ConnectorClientTests : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();

    private ConnectorClient Client(TimeProvider? time = null) => new(
        new HttpClient(new RetryAfterHandler(time ?? TimeProvider.System) { InnerHandler = new HttpClientHandler(), FirstDelay = TimeSpan.FromMilliseconds(10) }),
        new FixedToken("t0k3n"));

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task ReplyToActivityAsync_PostsToTheActivityWithTheBearerToken()
    {
        server.Given(Request.Create().WithPath("/v3/conversations/a:conv/activities/1:act").UsingPost())
            .RespondWith(Response.Create().WithBodyAsJson(new { id = "1:reply" }));

        var result = await Client().ReplyToActivityAsync(server.Url!, "a:conv", "1:act", Message("hello"), CancellationToken.None);

        Assert.Equal("1:reply", result.Id);
        var request = Assert.Single(server.LogEntries).RequestMessage;
        Assert.Equal("Bearer t0k3n", request.Headers!["Authorization"].Single());
        Assert.Contains("\"text\":\"hello\"", request.Body);
        Assert.DoesNotContain("null", request.Body);
    }

    [Fact]
    public async Task UpdateActivityAsync_PutsTheNewActivityInPlace()
    {
        server.Given(Request.Create().WithPath("/v3/conversations/a:conv/activities/1:card").UsingPut())
            .RespondWith(Response.Create().WithBodyAsJson(new { id = "1:card" }));

        await Client().UpdateActivityAsync(server.Url!, "a:conv", "1:card", Message("done"), CancellationToken.None);

        Assert.Equal("PUT", Assert.Single(server.LogEntries).RequestMessage.Method);
    }

    [Fact]
    public async Task CreateConversationAsync_PostsTheMemberAndTenantAndReturnsTheConversation()
    {
        server.Given(Request.Create().WithPath("/v3/conversations").UsingPost())
            .RespondWith(Response.Create().WithBodyAsJson(new { id = "a:1on1", activityId = "1:first" }));

        var created = await Client().CreateConversationAsync(server.Url!, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
        }, CancellationToken.None);

        Assert.Equal("a:1on1", created.Id);
        var body = Assert.Single(server.LogEntries).RequestMessage.Body!;
        Assert.Contains("\"members\":[{\"id\":\"29:user\"}]", body);
        Assert.Contains("\"tenantId\":\"tenant-1\"", body);
    }

    [Fact]
    public async Task SendToConversationAsync_TooManyRequests_WaitsRetryAfterAndSucceeds()
    {
        server.Given(Request.Create().WithPath("/v3/conversations/c/activities").UsingPost()).InScenario("throttle")
            .WillSetStateTo("throttled")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2"));
        server.Given(Request.Create().WithPath("/v3/conversations/c/activities").UsingPost()).InScenario("throttle")
            .WhenStateIs("throttled")
            .RespondWith(Response.Create().WithBodyAsJson(new { id = "1:sent" }));
        var time = new FakeTimeProvider();

        var sending = Client(time).SendToConversationAsync(server.Url!, "c", Message("hi"), CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!server.LogEntries.Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5); // the first request travels over loopback
        }

        Assert.False(sending.IsCompleted); // waiting out Retry-After, on the fake clock
        var waited = TimeSpan.Zero;
        while (!sending.IsCompleted && waited < TimeSpan.FromMinutes(1))
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            waited += TimeSpan.FromMilliseconds(500);
            await Task.Delay(10); // let the retry reach the server
        }

        var result = await sending;

        Assert.Equal("1:sent", result.Id);
        Assert.True(waited >= TimeSpan.FromSeconds(2), $"retried after {waited}, before the 2 s Retry-After");
        Assert.Equal(2, server.LogEntries.Count());
    }

    [Fact]
    public async Task SendToConversationAsync_ServerErrorEveryTime_GivesUpWithTheStatus()
    {
        server.Given(Request.Create().WithPath("/v3/conversations/c/activities").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Client().SendToConversationAsync(server.Url!, "c", Message("hi"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, server.LogEntries.Count());
    }

    public void Dispose() => server.Stop();

    private sealed class FixedToken(string token) : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }
}
