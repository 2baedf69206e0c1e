using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.Reps;

/// <summary>The roster's names, which every card click reads ("Done by Ana").</summary>
[Collection(ClusterCollection.Name)]
public sealed class RepRosterTests(ClusterFixture fixture)
{
    private IRepRosterGrain Roster => fixture.Grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey);

    [Fact]
    public async Task NamesAsync_ARepSavedThenRenamed_ShowsTheCurrentName()
    {
        var ana = Ids.New("ana");
        var rep = fixture.Grains.GetGrain<IRepGrain>(ana);
        Assert.False((await Roster.NamesAsync()).ByRep.ContainsKey(ana));

        await rep.SaveProfileAsync(new RepProfile { Id = ana, Name = "Ana", Email = "ana@contoso.example" });
        Assert.Equal("Ana", (await Roster.NamesAsync()).ByRep[ana]);

        // The names are built once per change: a rename must not leave the old name on the next card.
        await rep.SaveProfileAsync(new RepProfile { Id = ana, Name = "Ana Lima", Email = "ana@contoso.example" });
        Assert.Equal("Ana Lima", (await Roster.NamesAsync()).ByRep[ana]);
        Assert.Contains(await Roster.ListAsync(), p => p.Id == ana && p.Name == "Ana Lima");
    }

    [Fact]
    public void RepNames_CrossingAGrainCall_IsTheSameInstanceOnTheSilo_AndWholeBetweenSilos()
    {
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var names = new RepNames { ByRep = new Dictionary<string, string> { ["ana"] = "Ana", ["bo"] = "Bo" } };

        // Immutable: a click on the silo gets the roster's instance, not a copy of every rep's name.
        Assert.Same(names, services.GetRequiredService<DeepCopier>().Copy(names));

        // A bot on another silo gets them serialized.
        var serializer = services.GetRequiredService<Serializer>();
        var received = serializer.Deserialize<RepNames>(serializer.SerializeToArray(names));
        Assert.Equal(names.ByRep.OrderBy(n => n.Key), received!.ByRep.OrderBy(n => n.Key));
    }
}
