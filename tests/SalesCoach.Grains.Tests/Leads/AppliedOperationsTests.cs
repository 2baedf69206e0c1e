using Orleans.Runtime;
using SalesCoach.Grains.Tests.Infrastructure;
using SalesCoach.Leads;
using static SalesCoach.Grains.Tests.Infrastructure.Pipelines;

namespace SalesCoach.Grains.Tests.Leads;

/// <summary>A lead refuses a repeated operation id (its last 256), also one stored before the ids were kept as hashes.</summary>
public sealed class AppliedOperationsTests : IAsyncLifetime
{
    private readonly ClusterFixture fixture = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public void Add_MoreThanKept_TheOldestIsForgottenTheRestRemembered()
    {
        var lead = new LeadState();

        for (var i = 0; i <= AppliedOperations.Kept; i++)
        {
            AppliedOperations.Add(lead, $"card:f:{i:D4}-5a1c2e9b-7f0d-4c43-9f1e-2b8a6c0d4e11");
        }

        Assert.False(AppliedOperations.Contains(lead, "card:f:0000-5a1c2e9b-7f0d-4c43-9f1e-2b8a6c0d4e11"));
        Assert.True(AppliedOperations.Contains(lead, "card:f:0001-5a1c2e9b-7f0d-4c43-9f1e-2b8a6c0d4e11"));
        Assert.True(AppliedOperations.Contains(lead, $"card:f:{AppliedOperations.Kept:D4}-5a1c2e9b-7f0d-4c43-9f1e-2b8a6c0d4e11"));
        Assert.False(AppliedOperations.Contains(lead, "card:f:9999-5a1c2e9b-7f0d-4c43-9f1e-2b8a6c0d4e11"));
    }

    [Fact]
    public void Add_IdsStoredBeforeTheHashes_MoveIntoThemOldestFirst()
    {
        var lead = new LeadState { Operations = [.. Enumerable.Range(0, AppliedOperations.Kept).Select(i => $"old-{i}")] };

        AppliedOperations.Add(lead, "new");

        Assert.Empty(lead.Operations);
        Assert.Equal(AppliedOperations.Kept, lead.AppliedOperations.Count);
        Assert.False(AppliedOperations.Contains(lead, "old-0")); // the oldest made room for the new one
        Assert.True(AppliedOperations.Contains(lead, "old-1"));
        Assert.True(AppliedOperations.Contains(lead, "new"));
    }

    [Fact]
    public async Task AdvanceAsync_OperationIdStoredBeforeTheHashes_TheRepeatStillMovesNothing()
    {
        var world = await new World(fixture).WithTeamAsync();
        var pipeline = await world.SavePipelineAsync(Pipeline(Ids.New("p"), Stage("a", Manual()), Stage("b", Manual()), Stage("c")));
        var lead = await world.CreateLeadAsync(pipeline.Id);
        Assert.Equal("b", (await world.Lead(lead.Id).AdvanceAsync(null, "op-old", world.AnaActor)).Value!.Stage!.Id);

        // The row as a lead stored it before the hashes: the id itself in Operations.
        await fixture.RestartAsync();
        var storage = fixture.Storage(StorageNames.Leads);
        var stored = new GrainState<LeadState>();
        await storage.ReadStateAsync("lead", GrainId.Create("lead", lead.Id), stored);
        stored.State!.AppliedOperations.Clear();
        stored.State.Operations = ["op-old"];
        await storage.WriteStateAsync("lead", GrainId.Create("lead", lead.Id), stored);

        var repeat = await world.Lead(lead.Id).AdvanceAsync(null, "op-old", world.AnaActor);
        var next = await world.Lead(lead.Id).AdvanceAsync(null, "op-new", world.AnaActor);
        var repeatAfterMove = await world.Lead(lead.Id).AdvanceAsync(null, "op-old", world.AnaActor);

        Assert.Equal("b", repeat.Value!.Stage!.Id);
        Assert.Equal("c", next.Value!.Stage!.Id);
        Assert.Equal(("c", 3), (repeatAfterMove.Value!.Stage!.Id, repeatAfterMove.Value.History.Count));
    }
}
