using System.Net;
using SalesCoach.Api.Tests.Contract;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Api;

/// <summary><c>GET /api/leads/by-email?email=a&amp;email=b</c>: the Outlook pane's one lookup for every address on a message.</summary>
[Collection(HostCollection.Name)]
public sealed class LeadLookupApiTests(SalesCoachHostFixture host)
{
    private HttpClient Admin => host.As(SalesCoachHostFixture.Admin);

    [Fact]
    public async Task ByEmail_SeveralAddresses_ReturnsEachMatchingLeadOnce()
    {
        var domain = UniqueId.New("d");
        var both = await Admin.NewLeadAsync(new { name = "Both", emails = new[] { $"a@{domain}.example", $"b@{domain}.example" }, pipelineId = "b2b", ownerId = "ana" });
        var onlyB = await Admin.NewLeadAsync(new { name = "Only B", emails = new[] { $"b@{domain}.example" }, pipelineId = "b2b", ownerId = "ana" });

        var found = await (await Admin.GetAsync($"/api/leads/by-email?email=A@{domain}.example&email=b@{domain}.example&email=nobody@{domain}.example"))
            .ReadAsync<List<LeadDto>>();

        Assert.Equal(new[] { both.Id, onlyB.Id }.Order(), found.Select(l => l.Id).Order());
    }

    [Fact]
    public async Task ByEmail_LeadTheCallerMayNotSee_IsLeftOut()
    {
        var email = $"c@{UniqueId.New("d")}.example";
        await Admin.NewLeadAsync(new { name = "Bo's", emails = new[] { email }, pipelineId = "b2b", ownerId = "bo" });

        var asAna = await (await host.As("ana").GetAsync($"/api/leads/by-email?email={email}")).ReadAsync<List<LeadDto>>();
        var asBo = await (await host.As("bo").GetAsync($"/api/leads/by-email?email={email}")).ReadAsync<List<LeadDto>>();

        Assert.Empty(asAna);
        Assert.Single(asBo);
    }

    [Fact]
    public async Task ByEmail_NoAddressOrTooMany_Returns400ListingEveryProblem()
    {
        var none = await (await Admin.GetAsync("/api/leads/by-email")).ReadErrorsAsync(HttpStatusCode.BadRequest);
        var many = string.Join('&', Enumerable.Range(0, 51).Select(i => $"email=x{i}@contoso.example")) + "&email=not-an-address";
        var tooMany = await (await Admin.GetAsync($"/api/leads/by-email?{many}")).ReadErrorsAsync(HttpStatusCode.BadRequest);

        Assert.Equal("email", Assert.Single(none).Path);
        Assert.Equal(2, tooMany.Count);
        Assert.Contains(tooMany, p => p.Message.Contains("at most 50", StringComparison.Ordinal));
        Assert.Contains(tooMany, p => p.Message.Contains("'not-an-address'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByEmail_NoCaller_Returns401()
    {
        await (await host.Anonymous().GetAsync("/api/leads/by-email?email=a@b.example")).ReadErrorsAsync(HttpStatusCode.Unauthorized);
    }
}
