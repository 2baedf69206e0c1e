using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Infrastructure;
using WireMock.Logging;
using Request = WireMock.RequestBuilders.Request;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>
/// "Log this email" with Microsoft Graph configured: the host reads the named message from the caller's own
/// mailbox (<c>GET /users/{id}/messages/{id}?$select=…</c>, app-only token, through the real Graph SDK against a
/// stub shaped as Graph's docs) and logs the server's copy; Graph's 404/403/429/5xx reach the add-in as clear answers.
/// </summary>
[Collection(GraphHostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EmailServerCopyTests(GraphHostFixture host)
{
    private const string Select = "subject,from,toRecipients,sentDateTime,internetMessageId,bodyPreview";

    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    /// <summary>A rep keyed by an Entra object id (as in Production) owning a new lead; returns (rep, lead, rep's address).</summary>
    private async Task<(string Rep, string Lead, string Address)> RepWithLeadAsync()
    {
        var rep = Guid.NewGuid().ToString();
        var address = $"rep-{rep[..8]}@contoso.example";
        await (await Admin.PutRepAsync(rep, new { name = "Ana", email = address })).ShouldBeAsync(HttpStatusCode.OK);
        var lead = UniqueId.New("lead");
        await Admin.NewLeadAsync(new { id = lead, name = "Acme", emails = new[] { "cto@acme.example" }, ownerId = rep });
        return (rep, lead, address);
    }

    private static JsonObject Message(string id, string from, string internetMessageId) => new()
    {
        ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('x')/messages({Select})/$entity",
        ["@odata.etag"] = "W/\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAw/3XT\"",
        ["id"] = id,
        ["subject"] = "Proposal for Acme",
        ["bodyPreview"] = "Hi, please find our proposal attached.",
        ["sentDateTime"] = "2026-11-27T14:05:00Z",
        ["internetMessageId"] = internetMessageId,
        ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Ana", ["address"] = from } },
        ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "CTO", ["address"] = "cto@acme.example" } }),
    };

    private static string MessagePath(string user, string message) => $"/v1.0/users/{user}/messages/{message}";

    private WireMock.RequestBuilders.IRequestBuilder GetMessage(string user, string message) =>
        // $select is checked on the logged request: WireMock splits a query value at its commas.
        Request.Create().WithPath(MessagePath(user, message)).UsingGet()
            .WithHeader("Authorization", $"Bearer {GraphStub.Token}");

    private List<ILogEntry> Calls(string path) => [.. host.Graph.Server.LogEntries.Where(e => e.RequestMessage.Path == path)];

    /// <summary>What the add-in sends: its own view of the message plus the message's REST id.</summary>
    private static object AddinActivity(string messageId, string externalId = "<client-says@acme.example>") => new
    {
        type = "email",
        direction = "in",
        subject = "what the client says",
        at = "2026-11-01T00:00:00Z",
        externalId,
        tags = new[] { "proposal" },
        messageId,
    };

    [Fact]
    public async Task LogEmail_MessageId_TheServersCopyIsLoggedOnceByItsInternetMessageId()
    {
        var (rep, lead, address) = await RepWithLeadAsync();
        var messageId = $"AAMkAD{Guid.NewGuid():N}";
        var internetId = $"<{Guid.NewGuid():N}@contoso.example>";
        host.Graph.Server.Given(GetMessage(rep, messageId)).RespondWith(GraphStub.Json(Message(messageId, address.ToUpperInvariant(), internetId)));

        var body = await (await host.As(rep).LogActivityAsync(lead, AddinActivity(messageId))).ShouldBeAsync(HttpStatusCode.OK);
        var again = await (await host.As(rep).LogActivityAsync(lead, AddinActivity(messageId, externalId: "<another-client-id@x>"))).ShouldBeAsync(HttpStatusCode.OK);

        var activity = Assert.Single(JsonNode.Parse(again)!["activities"]!.AsArray())!;
        Assert.Equal(JsonNode.Parse(body)!["activities"]!.ToJsonString(), JsonNode.Parse(again)!["activities"]!.ToJsonString());
        Assert.Equal(
            ("email", "out", "Proposal for Acme", "2026-11-27T14:05:00Z", internetId, "proposal"),
            (activity["type"]!.GetValue<string>(), activity["direction"]!.GetValue<string>(), activity["subject"]!.GetValue<string>(),
             activity["at"]!.GetValue<string>(), activity["externalId"]!.GetValue<string>(), activity["tags"]![0]!.GetValue<string>()));
        var copy = activity["message"]!;
        Assert.Equal(
            (messageId, internetId, address.ToUpperInvariant(), "cto@acme.example", "Hi, please find our proposal attached."),
            (copy["messageId"]!.GetValue<string>(), copy["internetMessageId"]!.GetValue<string>(), copy["from"]!.GetValue<string>(),
             copy["to"]![0]!.GetValue<string>(), copy["bodyPreview"]!.GetValue<string>()));
        var call = Calls(MessagePath(rep, messageId))[0].RequestMessage;
        Assert.Equal("GET", call.Method);
        Assert.Equal($"Bearer {GraphStub.Token}", call.Headers!["Authorization"].Single());
        Assert.Contains($"$select={Select}", Uri.UnescapeDataString(call.RawQuery!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogEmail_MessageNotInTheCallersMailbox_404AndNothingLogged()
    {
        var (rep, lead, _) = await RepWithLeadAsync();
        var other = Guid.NewGuid().ToString();
        // The message exists — in another rep's mailbox; the caller's mailbox answers Graph's 404.
        host.Graph.Server.Given(GetMessage(other, "AAMkOther")).RespondWith(GraphStub.Json(Message("AAMkOther", "x@contoso.example", "<o@x>")));
        host.Graph.Server.Given(GetMessage(rep, "AAMkOther"))
            .RespondWith(GraphStub.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));

        var problems = await (await host.As(rep).LogActivityAsync(lead, AddinActivity("AAMkOther"))).ReadErrorsAsync(HttpStatusCode.NotFound);

        Assert.Equal("messageId", Assert.Single(problems).Path);
        Assert.Contains("your own mailbox", problems[0].Message, StringComparison.Ordinal);
        Assert.Empty(Calls(MessagePath(other, "AAMkOther")));
        Assert.Empty((await Admin.LeadAsync(lead)).Activities);
    }

    [Fact]
    public async Task LogEmail_GraphRefuses403_403NamingTheMissingPermission()
    {
        var (rep, lead, _) = await RepWithLeadAsync();
        host.Graph.Server.Given(GetMessage(rep, "AAMkDenied"))
            .RespondWith(GraphStub.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));

        var problems = await (await host.As(rep).LogActivityAsync(lead, AddinActivity("AAMkDenied"))).ReadErrorsAsync(HttpStatusCode.Forbidden);

        Assert.Contains("Mail.Read application permission", Assert.Single(problems).Message, StringComparison.Ordinal);
        Assert.Empty((await Admin.LeadAsync(lead)).Activities);
    }

    [Theory]
    [InlineData(429, "TooManyRequests")]
    [InlineData(503, "serviceNotAvailable")]
    public async Task LogEmail_ThrottledOrUnavailableWithRetryAfterThenOk_RetriedAndLogged(int status, string code)
    {
        var (rep, lead, address) = await RepWithLeadAsync();
        var scenario = Guid.NewGuid().ToString("N");
        host.Graph.Server.Given(GetMessage(rep, "AAMkBusy")).InScenario(scenario).WillSetStateTo("open")
            .RespondWith(GraphStub.Error(status, code, "Please retry after the time given.").WithHeader("Retry-After", "1"));
        host.Graph.Server.Given(GetMessage(rep, "AAMkBusy")).InScenario(scenario).WhenStateIs("open")
            .RespondWith(GraphStub.Json(Message("AAMkBusy", address, $"<{scenario}@contoso.example>")));

        var lead2 = await (await host.As(rep).LogActivityAsync(lead, AddinActivity("AAMkBusy"))).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal($"<{scenario}@contoso.example>", JsonNode.Parse(lead2)!["activities"]![0]!["externalId"]!.GetValue<string>());
        Assert.Equal(2, Calls(MessagePath(rep, "AAMkBusy")).Count);
    }

    [Fact]
    public async Task LogEmail_GraphKeepsFailing_503AndNothingLogged()
    {
        var (rep, lead, _) = await RepWithLeadAsync();
        host.Graph.Server.Given(GetMessage(rep, "AAMkDown"))
            .RespondWith(GraphStub.Error(503, "serviceNotAvailable", "Service unavailable.").WithHeader("Retry-After", "1"));
        host.Graph.Server.Given(GetMessage(rep, "AAMkBroken"))
            .RespondWith(GraphStub.Error(500, "generalException", "An internal server error occurred."));

        using var down = await host.As(rep).LogActivityAsync(lead, AddinActivity("AAMkDown"));
        using var broken = await host.As(rep).LogActivityAsync(lead, AddinActivity("AAMkBroken"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(4, Calls(MessagePath(rep, "AAMkDown")).Count); // the SDK's retry handler tried 3 more times, waiting Retry-After, then gave up
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
        Assert.Empty((await Admin.LeadAsync(lead)).Activities);
    }

    [Fact]
    public async Task LogEmail_NoMessageId_TheClientsFieldsAsBefore()
    {
        var (rep, lead, _) = await RepWithLeadAsync();

        var body = await (await host.As(rep).LogActivityAsync(lead, new { type = "email", direction = "in", subject = "typed", externalId = "<typed@x>" }))
            .ShouldBeAsync(HttpStatusCode.OK);

        var activity = JsonNode.Parse(body)!["activities"]![0]!;
        Assert.Equal(("typed", "<typed@x>"), (activity["subject"]!.GetValue<string>(), activity["externalId"]!.GetValue<string>()));
        Assert.Null(activity["message"]);
        Assert.DoesNotContain(host.Graph.Server.LogEntries, e => e.RequestMessage.Path.StartsWith($"/v1.0/users/{rep}/messages", StringComparison.Ordinal));
    }
}
