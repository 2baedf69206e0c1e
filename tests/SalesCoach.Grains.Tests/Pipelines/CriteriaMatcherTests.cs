using SalesCoach.Leads;
using SalesCoach.Pipelines;

namespace SalesCoach.Grains.Tests.Pipelines;

public sealed class CriteriaMatcherTests
{
    private static readonly PipelineCriteria Crm = new() { Products = ["crm"], Territories = ["EMEA"], ValueAtLeast = 1000, ValueBelow = 50000 };

    [Fact]
    public void Matches_NoCriteria_TakesEveryLead() => Assert.True(CriteriaMatcher.Matches(null, new LeadFacts { Name = "x" }));

    [Fact]
    public void Matches_AllCriteriaMet_IsTrue() =>
        Assert.True(CriteriaMatcher.Matches(Crm, new LeadFacts { Product = "CRM", Territory = "emea", Value = 1000 }));

    [Theory]
    [InlineData("erp", "EMEA", 5000)]
    [InlineData("crm", "APAC", 5000)]
    [InlineData("crm", "EMEA", 999)]
    [InlineData("crm", "EMEA", 50000)]
    [InlineData(null, "EMEA", 5000)]
    public void Matches_OneCriterionMissed_IsFalse(string? product, string territory, int value) =>
        Assert.False(CriteriaMatcher.Matches(Crm, new LeadFacts { Product = product, Territory = territory, Value = value }));

    [Fact]
    public void Matches_ValueNotKnownYet_DoesNotRuleOutTheRange() =>
        Assert.True(CriteriaMatcher.Matches(Crm, new LeadFacts { Product = "crm", Territory = "EMEA" }));
}
