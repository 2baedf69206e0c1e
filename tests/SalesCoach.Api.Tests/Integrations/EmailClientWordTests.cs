using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>Without Microsoft Graph, an email the add-in names by its message id is logged from the add-in's fields, as before.</summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EmailClientWordTests(SalesCoachHostFixture host)
{
    [Fact]
    public async Task LogEmail_GraphNotConfigured_TheClientsFieldsWithoutAServerCopy()
    {
        var pipeline = PipelineBuilder.Sales();
        await host.As(SalesCoachHostFixture.Admin).SavePipelineAsync(pipeline);
        var lead = UniqueId.New("lead");
        await host.As("ana").NewLeadAsync(pipeline.Lead(lead));

        var body = await (await host.As("ana").LogActivityAsync(lead, new
        {
            type = "email", direction = "out", subject = "Proposal", at = "2026-11-27T14:05:00Z", externalId = "<p1@contoso.example>",
            tags = Array.Empty<string>(), messageId = "AAMkAD1",
        })).ShouldBeAsync(HttpStatusCode.OK);

        var activity = JsonNode.Parse(body)!["activities"]!.AsArray().Single(a => a!["externalId"]?.GetValue<string>() == "<p1@contoso.example>")!;
        Assert.Equal(("Proposal", "out"), (activity["subject"]!.GetValue<string>(), activity["direction"]!.GetValue<string>()));
        Assert.Null(activity["message"]);
    }
}
