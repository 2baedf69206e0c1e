using Orleans.Runtime;
using Orleans.Storage;
using SalesCoach.Storage.Memory;
using SalesCoach.Storage.Tests.Conformance;

namespace SalesCoach.Storage.Tests.Memory;

public sealed class InProcessGrainStorageTests : GrainStorageConformanceTests
{
    private readonly InProcessStore _store = new();

    protected override IGrainStorage CreateStorage()
        => new InProcessGrainStorage(_store, new ExactSizeGrainStorageSerializer(TestServices.Serializer, TestServices.Sessions), TestServices.Activators);

    [Fact]
    public async Task WriteStateAsync_StateChangedAfterTheWrite_StoredCopyIsUnchanged()
    {
        var storage = CreateStorage();
        var grainId = GrainId.Create("memory", "copy");
        var state = new GrainState<List<string>>(["as written"]);
        await storage.WriteStateAsync("lead", grainId, state);

        state.State!.Add("changed in memory only");

        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync("lead", grainId, read);
        Assert.Equal(["as written"], read.State);
    }
}
