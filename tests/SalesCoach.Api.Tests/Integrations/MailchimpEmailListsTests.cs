using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesCoach.Bot.Integrations.Mailchimp;
using SalesCoach.Lists;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>The Mailchimp client through a real HttpClient against a loopback stub shaped as Mailchimp's docs.</summary>
[Trait("Category", "Integration")]
public sealed class MailchimpEmailListsTests : IDisposable
{
    private const string Email = "CTO@Acme-Industries.example";
    // md5("cto@acme-industries.example")
    private static readonly string Hash = MailchimpEmailLists.SubscriberHash(Email);

    private readonly MailchimpStub stub = new();
    private readonly ServiceProvider services = new ServiceCollection().AddHttpClient().BuildServiceProvider();

    private MailchimpEmailLists Client(string? apiKey = MailchimpStub.ApiKey) => new(
        services.GetRequiredService<IHttpClientFactory>(),
        Options.Create(new MailchimpOptions
        {
            ApiKey = apiKey,
            BaseUrl = stub.BaseUrl,
            Lists = new(StringComparer.OrdinalIgnoreCase) { ["nurture"] = MailchimpStub.ListId },
        }),
        NullLogger<MailchimpEmailLists>.Instance);

    private static EmailListOperation Operation(EmailListAction action = EmailListAction.Subscribe, string list = "nurture") => new()
    {
        Id = EmailListOperation.KeyOf("acme", 1, list, Email, action),
        LeadId = "acme",
        ListName = list,
        Email = Email,
        Action = action,
        Name = "Acme",
        Company = "Acme Industries",
        StageId = "meet",
        StageName = "Meeting",
        Tag = "meet",
    };

    [Fact]
    public void SubscriberHash_MixedCaseAddress_IsMd5OfTheLowerCasedAddressInHex()
    {
        // Mailchimp's docs: "The MD5 hash of the lowercase version of the list member's email address."
        Assert.Equal("b58996c504c5638798eb6b511e6f49af", MailchimpEmailLists.SubscriberHash("User@Example.com"));
    }

    [Fact]
    public void Root_KeyWithDataCenter_PicksThatDataCenter()
    {
        Assert.Equal(new Uri("https://us21.api.mailchimp.com"), new MailchimpOptions { ApiKey = MailchimpStub.ApiKey }.Root());
        Assert.Null(new MailchimpOptions { ApiKey = "nodatacenter" }.Root());
    }

    [Fact]
    public async Task ApplyAsync_Subscribe_UpsertsTheMemberThenTagsIt()
    {
        stub.Server.Given(stub.Upsert(Hash)).RespondWith(MailchimpStub.Member(Email, Hash, "subscribed"));
        stub.Server.Given(stub.Tags(Hash)).RespondWith(MailchimpStub.NoContent());

        var result = await Client().ApplyAsync(Operation(), CancellationToken.None);

        Assert.Equal(EmailListOutcome.Applied, result.Outcome);
        var upsert = Assert.Single(stub.Received(MailchimpStub.MemberPath(Hash)));
        Assert.Equal(("PUT", MailchimpStub.BasicAuth()), (upsert.Method, upsert.Authorization));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"email_address":"CTO@Acme-Industries.example","status_if_new":"subscribed","status":"subscribed",
             "merge_fields":{"FNAME":"Acme","STAGE":"Meeting","COMPANY":"Acme Industries"}}
            """), upsert.Body), upsert.Body?.ToJsonString());
        var tags = Assert.Single(stub.Received(MailchimpStub.MemberPath(Hash) + "/tags"));
        Assert.Equal("POST", tags.Method);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"tags":[{"name":"meet","status":"active"}]}"""), tags.Body), tags.Body?.ToJsonString());
    }

    [Fact]
    public async Task ApplyAsync_Unsubscribe_UpsertsWithStatusUnsubscribed()
    {
        stub.Server.Given(stub.Upsert(Hash)).RespondWith(MailchimpStub.Member(Email, Hash, "unsubscribed"));
        stub.Server.Given(stub.Tags(Hash)).RespondWith(MailchimpStub.NoContent());

        var result = await Client().ApplyAsync(Operation(EmailListAction.Unsubscribe), CancellationToken.None);

        Assert.Equal(EmailListOutcome.Applied, result.Outcome);
        var body = Assert.Single(stub.Received(MailchimpStub.MemberPath(Hash))).Body!;
        Assert.Equal(("unsubscribed", "unsubscribed"), (body["status"]!.GetValue<string>(), body["status_if_new"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ApplyAsync_429WithRetryAfterThenSuccess_RetryAfterHonouredThenApplied()
    {
        stub.Server.Given(stub.Upsert(Hash)).InScenario("throttle").WillSetStateTo("open")
            .RespondWith(MailchimpStub.Problem(429, "Too Many Requests", "You have exceeded the limit of 10 simultaneous connections.").WithHeader("Retry-After", "12"));
        stub.Server.Given(stub.Upsert(Hash)).InScenario("throttle").WhenStateIs("open")
            .RespondWith(MailchimpStub.Member(Email, Hash, "subscribed"));
        stub.Server.Given(stub.Tags(Hash)).RespondWith(MailchimpStub.NoContent());
        var client = Client();

        var first = await client.ApplyAsync(Operation(), CancellationToken.None);
        var second = await client.ApplyAsync(Operation(), CancellationToken.None);

        Assert.Equal((EmailListOutcome.Retry, TimeSpan.FromSeconds(12)), (first.Outcome, first.RetryAfter));
        Assert.Contains("429 Too Many Requests", first.Detail, StringComparison.Ordinal);
        Assert.Equal(EmailListOutcome.Applied, second.Outcome);
        Assert.Equal(2, stub.Received(MailchimpStub.MemberPath(Hash)).Count);
        Assert.Single(stub.Received(MailchimpStub.MemberPath(Hash) + "/tags")); // no tag call after a refused upsert
    }

    [Theory]
    [InlineData(500, "Internal Server Error")]
    [InlineData(503, "Service Unavailable")]
    public async Task ApplyAsync_ServerError_Retry(int status, string title)
    {
        stub.Server.Given(stub.Upsert(Hash)).RespondWith(MailchimpStub.Problem(status, title, "An unexpected internal error has occurred."));

        var result = await Client().ApplyAsync(Operation(), CancellationToken.None);

        Assert.Equal(EmailListOutcome.Retry, result.Outcome);
        Assert.StartsWith($"{status} {title}", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_400BadAddress_RejectedWithMailchimpsDetail()
    {
        stub.Server.Given(stub.Upsert(Hash)).RespondWith(MailchimpStub.Problem(400, "Invalid Resource",
            "CTO@Acme-Industries.example looks fake or invalid, please enter a real email address."));

        var result = await Client().ApplyAsync(Operation(), CancellationToken.None);

        Assert.Equal(EmailListOutcome.Rejected, result.Outcome);
        Assert.Equal("400 Invalid Resource: CTO@Acme-Industries.example looks fake or invalid, please enter a real email address.", result.Detail);
    }

    [Fact]
    public async Task ApplyAsync_404UnknownList_Rejected()
    {
        stub.Server.Given(stub.Upsert(Hash)).RespondWith(MailchimpStub.Problem(404, "Resource Not Found", "The requested resource could not be found."));

        var result = await Client().ApplyAsync(Operation(), CancellationToken.None);

        Assert.Equal(EmailListOutcome.Rejected, result.Outcome);
        Assert.StartsWith("404 Resource Not Found", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ListNameNotMapped_RejectedWithoutACall()
    {
        var result = await Client().ApplyAsync(Operation(list: "unmapped"), CancellationToken.None);

        Assert.Equal(EmailListOutcome.Rejected, result.Outcome);
        Assert.Contains("Mailchimp:Lists:unmapped", result.Detail, StringComparison.Ordinal);
        Assert.Empty(stub.Server.LogEntries);
    }

    [Fact]
    public async Task ApplyAsync_NotConfigured_SkippedWithoutACall()
    {
        var result = await Client(apiKey: null).ApplyAsync(Operation(), CancellationToken.None);

        Assert.Equal(EmailListOutcome.Skipped, result.Outcome);
        Assert.Empty(stub.Server.LogEntries);
    }

    public void Dispose()
    {
        stub.Dispose();
        services.Dispose();
    }
}
