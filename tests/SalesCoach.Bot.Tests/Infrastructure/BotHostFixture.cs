using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Common;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SalesCoach.Bot.Tests.Infrastructure;

/// <summary>
/// The real host (silo + bot endpoint) in production auth mode, trusting a Bot Framework OpenID
/// metadata document served on loopback with our own test key. The same loopback server stands
/// in for the Bot Connector (the activities' serviceUrl), shaped as its REST API answers.
/// </summary>
public sealed class BotHostFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program> factory = null!;

    public TestTokens Tokens { get; } = new();

    public WireMockServer Connector { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public string ServiceUrl => Connector.Url!.TrimEnd('/') + "/";

    /// <summary>The bot's own tenant (a single-tenant bot).</summary>
    public const string TenantId = "9f1d2c3b-0000-4000-8000-000000000042";

    /// <summary>The issuer of Entra v2 tokens of <see cref="TenantId"/>, at the loopback authority.</summary>
    public string EntraIssuer => $"{Connector.Url}/{TenantId}/v2.0";

    public IServiceProvider Services => factory.Services;

    public HttpClient Http { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Connector = WireMockServer.Start();
        Connector.Given(Request.Create().WithPath("/.well-known/openidconfiguration").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(new
            {
                issuer = TestTokens.Issuer,
                authorization_endpoint = "https://invalid.example/authorize",
                jwks_uri = $"{Connector.Url}/keys",
                id_token_signing_alg_values_supported = new[] { "RS256" },
                token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
            })));
        // A single-tenant bot also trusts Entra tokens of its own tenant: that tenant's metadata, the same test key.
        Connector.Given(Request.Create().WithPath($"/{TenantId}/v2.0/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(new
            {
                issuer = EntraIssuer,
                authorization_endpoint = "https://invalid.example/authorize",
                jwks_uri = $"{Connector.Url}/keys",
                id_token_signing_alg_values_supported = new[] { "RS256" },
            })));
        Connector.Given(Request.Create().WithPath("/keys").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Tokens.Jwks()));
        StubConnector();

        var directory = Path.Combine(Path.GetTempPath(), $"salescoach-bot-{Guid.NewGuid():N}");
        var ports = FreeTcpPorts.Take(2);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Storage:Provider", "Sqlite");
            web.UseSetting("Storage:Sqlite:Path", Path.Combine(directory, "salescoach.db"));
            web.UseSetting("Orleans:SiloPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Orleans:GatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Auth:Mode", "Production");
            web.UseSetting("Auth:TenantId", "00000000-0000-0000-0000-000000000001");
            web.UseSetting("Auth:Audience", "api://salescoach-test");
            web.UseSetting("Bot:AppId", TestTokens.AppId);
            web.UseSetting("Bot:OpenIdMetadataUrl", $"{Connector.Url}/.well-known/openidconfiguration");
            web.UseSetting("Bot:TenantId", TenantId);
            web.UseSetting("Bot:EntraAuthority", Connector.Url);
            web.ConfigureTestServices(services => services.AddSingleton(new SalesClock(Time)));
        });
        Http = factory.CreateClient();
        return Task.CompletedTask;
    }

    /// <summary>The Connector's answers to send, reply, update and create-conversation, as its REST reference shows them.</summary>
    public void StubConnector()
    {
        Connector.Given(Request.Create().WithPath("/v3/conversations/*/activities*").UsingPost())
            .AtPriority(10)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"id":"1:activity-from-connector"}"""));
        Connector.Given(Request.Create().WithPath("/v3/conversations/*/activities/*").UsingPut())
            .AtPriority(10)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"id":"1:updated"}"""));
        Connector.Given(Request.Create().WithPath("/v3/conversations").UsingPost())
            .AtPriority(10)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"id":"a:new-1on1-conversation","activityId":"1:first"}"""));
    }

    /// <summary>Posts an activity to <c>/api/messages</c> with the given bearer token (none when null).</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>A Teams-shaped activity from a user, on this fixture's service URL.</summary>
    public JsonObject TeamsActivity(string type, string aadObjectId, Action<JsonObject>? with = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"f:{Guid.NewGuid():N}",
            ["timestamp"] = "2026-11-30T09:00:00.000Z",
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:{aadObjectId}", ["name"] = aadObjectId, ["aadObjectId"] = aadObjectId },
            ["conversation"] = new JsonObject { ["id"] = $"a:conversation-{aadObjectId}", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["recipient"] = new JsonObject { ["id"] = $"28:{TestTokens.AppId}", ["name"] = "SalesCoach" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
            ["locale"] = "en-US",
        };
        with?.Invoke(activity);
        return activity;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
        Connector.Stop();
    }
}
