using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Bot.Tests.Infrastructure;

namespace SalesCoach.Bot.Tests.BotFramework;

/// <summary>Who may post to <c>/api/messages</c>: only the Bot Framework, for this bot, from the service URL its token names.</summary>
[Collection(BotHostCollection.Name)]
public sealed class BotMessagesEndpointTests(BotHostFixture host)
{
    private JsonObject Help() => host.TeamsActivity("message", "aad-ana", a => a["text"] = "help");

    [Fact]
    public async Task Post_TokenSignedByThePublishedKey_IsAccepted()
    {
        var response = await host.PostActivityAsync(Help(), host.Tokens.Create(serviceUrl: host.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_WrongAudience_IsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(Help(), host.Tokens.Create(audience: "another-bot", serviceUrl: host.ServiceUrl))).StatusCode);

    [Fact]
    public async Task Post_WrongIssuer_IsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(Help(), host.Tokens.Create(issuer: "https://evil.example", serviceUrl: host.ServiceUrl))).StatusCode);

    [Fact]
    public async Task Post_ExpiredToken_IsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(Help(), host.Tokens.Create(serviceUrl: host.ServiceUrl, expires: DateTime.UtcNow.AddHours(-1)))).StatusCode);

    [Fact]
    public async Task Post_UnsignedToken_IsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(Help(), host.Tokens.Create(serviceUrl: host.ServiceUrl, sign: false))).StatusCode);

    [Fact]
    public async Task Post_NoToken_IsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(Help(), token: null)).StatusCode);

    [Fact]
    public async Task Post_ServiceUrlOtherThanTheTokens_IsUnauthorized()
    {
        var response = await host.PostActivityAsync(Help(), host.Tokens.Create(serviceUrl: "https://smba.trafficmanager.net/emea/"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_NotAnActivity_IsABadRequest()
    {
        var response = await host.PostActivityAsync(new JsonObject { ["text"] = "hi" }, host.Tokens.Create(serviceUrl: host.ServiceUrl));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_EntraTokenOfTheBotsTenant_IsAccepted()
    {
        var token = host.Tokens.Create(issuer: host.EntraIssuer, serviceUrl: null);
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(Help(), token)).StatusCode);
    }

    [Fact]
    public async Task Post_EntraTokenOfAnotherTenant_IsUnauthorized()
    {
        var token = host.Tokens.Create(issuer: "https://login.microsoftonline.com/another-tenant/v2.0", serviceUrl: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(Help(), token)).StatusCode);
    }
}
