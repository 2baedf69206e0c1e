using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary><c>GET /api/enrichment</c>: company facts from an address and the leads already at that company.</summary>
[Collection(HostCollection.Name)]
public sealed class EnrichmentApiTests(SalesCoachHostFixture host)
{
    [Fact]
    public async Task Enrichment_CompanyAddressWithAnExistingLead_GuessAndSuggestion()
    {
        var admin = host.As(SalesCoachHostFixture.Admin);
        var pipeline = PipelineBuilder.Sales();
        await admin.SavePipelineAsync(pipeline);
        var domain = $"{UniqueId.New("acme")}-industries.example";
        var leadId = UniqueId.New("lead");
        (await admin.CreateLeadAsync(new { id = leadId, name = "First deal", emails = new[] { $"cto@{domain}" }, pipelineId = pipeline.Id, ownerId = "admin" })).EnsureSuccessStatusCode();

        using var response = await admin.GetAsync($"/api/enrichment?email=ceo@{domain}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(domain, body["domain"]!.GetValue<string>());
        Assert.False(body["freeMail"]!.GetValue<bool>());
        Assert.EndsWith(" Industries", body["companyGuess"]!.GetValue<string>(), StringComparison.Ordinal);
        var suggestion = Assert.Single(body["existingLeads"]!.AsArray())!;
        Assert.Equal((leadId, body["companyGuess"]!.GetValue<string>()), (suggestion["id"]!.GetValue<string>(), suggestion["company"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Enrichment_FreeMail_NoCompanyNoSuggestions()
    {
        using var response = await host.As("ana").GetAsync("/api/enrichment?email=someone@gmail.com");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["freeMail"]!.GetValue<bool>());
        Assert.Null(body["companyGuess"]);
        Assert.Empty(body["existingLeads"]!.AsArray());
    }

    [Fact]
    public async Task Enrichment_NoEmail_400()
    {
        using var response = await host.As("ana").GetAsync("/api/enrichment");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
