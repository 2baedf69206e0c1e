using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>Mailchimp switched off says so in <c>/healthz</c> without making the host unhealthy.</summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MailchimpHealthTests(SalesCoachHostFixture host)
{
    [Fact]
    public async Task Healthz_MailchimpNotConfigured_HealthyAndSaysSo()
    {
        using var response = await host.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mailchimp = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!["mailchimp"]!;
        Assert.Equal(("Healthy", "mailchimp: not configured"), (mailchimp["status"]!.GetValue<string>(), mailchimp["description"]!.GetValue<string>()));
        var graph = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!["graph"]!;
        Assert.Equal(("Healthy", "graph: not configured (no directory sync; emails logged from the add-in's fields; no Teams app install)"),
            (graph["status"]!.GetValue<string>(), graph["description"]!.GetValue<string>()));
    }
}
