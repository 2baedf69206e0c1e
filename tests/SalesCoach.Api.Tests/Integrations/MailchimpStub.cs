using System.Text;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>
/// A loopback WireMock server shaped as the Mailchimp Marketing API v3 documents it: member upsert
/// (<c>PUT /3.0/lists/{list_id}/members/{subscriber_hash}</c>, 200 with the member), tags
/// (<c>POST .../tags</c>, 204) and errors as problem documents.
/// </summary>
public sealed class MailchimpStub : IDisposable
{
    public const string ApiKey = "0123456789abcdef0123456789abcdef-us21";
    public const string ListId = "abc123";

    public MailchimpStub()
    {
        Server = WireMockServer.Start();
    }

    public WireMockServer Server { get; }

    public Uri BaseUrl => new(Server.Urls[0]);

    /// <summary>The Authorization header Mailchimp expects: basic auth, any user name, the API key as password.</summary>
    public static string BasicAuth(string user = "salescoach") =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{ApiKey}"));

    public static string MemberPath(string hash) => $"/3.0/lists/{ListId}/members/{hash}";

    public IRequestBuilder Upsert(string hash) =>
        Request.Create().WithPath(MemberPath(hash)).UsingPut().WithHeader("Authorization", BasicAuth());

    public IRequestBuilder Tags(string hash) =>
        Request.Create().WithPath(MemberPath(hash) + "/tags").UsingPost().WithHeader("Authorization", BasicAuth());

    /// <summary>The member document Mailchimp answers an upsert with (abridged).</summary>
    public static IResponseBuilder Member(string email, string hash, string status) => Response.Create()
        .WithStatusCode(200)
        .WithHeader("Content-Type", "application/json; charset=utf-8")
        .WithBody(new JsonObject
        {
            ["id"] = hash,
            ["email_address"] = email,
            ["unique_email_id"] = "b4ef6b8e47",
            ["status"] = status,
            ["list_id"] = ListId,
        }.ToJsonString());

    public static IResponseBuilder NoContent() => Response.Create().WithStatusCode(204);

    /// <summary>Mailchimp's error shape (<c>application/problem+json</c>).</summary>
    public static IResponseBuilder Problem(int status, string title, string detail) => Response.Create()
        .WithStatusCode(status)
        .WithHeader("Content-Type", "application/problem+json; charset=utf-8")
        .WithBody(new JsonObject
        {
            ["type"] = "https://mailchimp.com/developer/marketing/docs/errors/",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = "2d4ac1f4-5f2c-4e4a-9c1e-0b5f8d2a1c3e",
        }.ToJsonString());

    /// <summary>Requests received for one path (method, body).</summary>
    public IReadOnlyList<(string Method, JsonNode? Body, string? Authorization)> Received(string path) =>
        [.. Server.LogEntries
            .Where(e => e.RequestMessage.Path == path)
            .Select(e => (e.RequestMessage.Method,
                          e.RequestMessage.Body is { Length: > 0 } body ? JsonNode.Parse(body) : null,
                          e.RequestMessage.Headers?.TryGetValue("Authorization", out var auth) == true ? auth.ToString() : null))];

    public void Dispose() => Server.Stop();
}
