using SalesCoach.Enrichment;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Enrichment;

/// <summary>Lead creation fills an empty company from the address and indexes company domains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LeadEnrichmentTests(ClusterFixture fixture)
{
    [Fact]
    public async Task CreateAsync_NoCompany_CompanyGuessedFromTheFirstCompanyAddress()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"), Stage("a", Manual())));
        var domain = $"{Ids.New("acme")}-industries.example";

        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Deal", Emails = ["me@gmail.com", $"cto@{domain}"] });

        Assert.EndsWith(" Industries", lead.Company, StringComparison.Ordinal);
        Assert.StartsWith("Acme", lead.Company, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_CompanyTyped_NeverOverwritten()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"), Stage("a", Manual())));

        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Deal", Company = "ACME (typed)", Emails = ["cto@acme-industries.example"] });

        Assert.Equal("ACME (typed)", lead.Company);
    }

    [Fact]
    public async Task CreateAsync_OnlyFreeMail_CompanyStaysEmpty()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"), Stage("a", Manual())));

        var lead = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Deal", Emails = ["someone@gmail.com"] });

        Assert.Null(lead.Company);
    }

    [Fact]
    public async Task CreateAndPatch_CompanyDomains_IndexedForSuggestionsFreeMailNot()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"), Stage("a", Manual())));
        var domain = $"{Ids.New("globex")}.example";
        var first = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "One", Emails = [$"a@{domain}", "x@gmail.com"] });
        var second = await world.CreateLeadAsync(pipeline.Id, new LeadFacts { Name = "Two", Emails = [$"b@{domain}"] });
        var index = world.Grains.GetGrain<ILeadDomainIndexGrain>(domain);

        var both = await index.ListAsync();
        await world.Lead(second.Id).UpdateFactsAsync(new LeadFactsPatch { Emails = ["b@elsewhere.example"] }, world.AnaActor);
        var afterPatch = await index.ListAsync();

        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), both);
        Assert.Equal([first.Id], afterPatch);
        Assert.Empty(await world.Grains.GetGrain<ILeadDomainIndexGrain>("gmail.com").ListAsync());
    }
}
