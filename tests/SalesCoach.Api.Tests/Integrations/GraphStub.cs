using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Graph;
using SalesCoach.Bot.Integrations.Graph;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Response = WireMock.ResponseBuilders.Response;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>
/// A loopback WireMock server answering as Microsoft Graph v1.0's docs show, and a real Graph SDK client
/// pointed at it with a fixed app-only token (so requests can be checked for <c>Authorization: Bearer</c>).
/// </summary>
public sealed class GraphStub : IDisposable
{
    public const string Token = "test-app-token";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public Uri BaseUrl => new($"{Server.Urls[0]}/v1.0");

    public GraphServiceClient Client() => GraphDirectory.CreateClient(new GraphOptions { BaseUrl = BaseUrl }, new FixedCredential());

    public static IResponseBuilder Json(JsonNode body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());

    /// <summary>Graph's error body: <c>{"error":{"code","message"}}</c>.</summary>
    public static IResponseBuilder Error(int status, string code, string message) =>
        Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, status);

    public void Dispose() => Server.Stop();

    /// <summary>Stands in for the app's client credentials: always the same token.</summary>
    public sealed class FixedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
