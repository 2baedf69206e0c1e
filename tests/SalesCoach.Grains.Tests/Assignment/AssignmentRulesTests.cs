using SalesCoach.Assignment;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.Assignment;

public sealed class AssignmentRulesTests
{
    private static readonly IReadOnlyList<AssignmentRule> Rules =
    [
        new() { When = new AssignmentCondition { Territory = "EMEA", ValueAtLeast = 50000 }, To = new AssignmentTarget { Reps = ["ana"] } },
        new() { When = new AssignmentCondition { Product = "support" }, To = new AssignmentTarget { Team = "care" } },
        new() { When = new AssignmentCondition { Source = "partner", ValueBelow = 1000 }, To = new AssignmentTarget { Tier = 3 } },
        new() { To = new AssignmentTarget { Reps = ["bo", "chen"] } },
    ];

    [Theory]
    [InlineData("EMEA", null, null, 60000, 0)]
    [InlineData("emea", "support", null, 50000, 0)]
    [InlineData("EMEA", "support", null, 49999, 1)]
    [InlineData("APAC", null, "partner", 10, 2)]
    [InlineData("APAC", null, "partner", 1000, 3)]
    [InlineData(null, null, null, null, 3)]
    public void FirstMatch_PicksTheFirstRuleWhoseConditionsHold(string? territory, string? product, string? source, int? value, int expected) =>
        Assert.Equal(expected, AssignmentRules.FirstMatch(Rules, new LeadFacts { Territory = territory, Product = product, Source = source, Value = value }));

    [Fact]
    public void FirstMatch_NoRuleMatches_IsMinusOne() =>
        Assert.Equal(-1, AssignmentRules.FirstMatch(Rules.Take(1).ToList(), new LeadFacts { Territory = "EMEA" }));

    [Fact]
    public void Candidates_AwayRepsAreLeftOut()
    {
        RepProfile[] roster = [new() { Id = "bo", Away = true }, new() { Id = "chen" }];
        Assert.Equal(["chen"], AssignmentRules.Candidates(new AssignmentTarget { Reps = ["bo", "chen"] }, roster, []));
    }

    [Fact]
    public void Candidates_TierAndTeam_ComeFromRosterAndMembers()
    {
        RepProfile[] roster = [new() { Id = "zoe", Tier = 3 }, new() { Id = "al", Tier = 3 }, new() { Id = "bo", Tier = 1 }];
        Assert.Equal(["al", "zoe"], AssignmentRules.Candidates(new AssignmentTarget { Tier = 3 }, roster, []));
        Assert.Equal(["x", "y"], AssignmentRules.Candidates(new AssignmentTarget { Team = "care" }, roster, ["x", "y"]));
    }

    [Fact]
    public void PickRoundRobin_CyclesThroughCandidates() =>
        Assert.Equal(["bo", "chen", "bo", "chen"], Enumerable.Range(0, 4).Select(i => AssignmentRules.PickRoundRobin(["bo", "chen"], i)));

    [Fact]
    public void PickLeastLoaded_TakesFewestOpenLeadsAndBreaksTiesInOrder()
    {
        Assert.Equal("chen", AssignmentRules.PickLeastLoaded(["ana", "bo", "chen"], [3, 2, 1]));
        Assert.Equal("bo", AssignmentRules.PickLeastLoaded(["ana", "bo", "chen"], [3, 1, 1]));
    }
}
