using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace SalesCoach.Storage.Tests.Conformance;

/// <summary>
/// The <see cref="IGrainStorage"/> contract every provider must meet. A provider's test class derives from
/// this and supplies instances over a store of its own (one store per test).
/// </summary>
public abstract class GrainStorageConformanceTests : IAsyncLifetime
{
    private const string StateName = "lead";
    private readonly List<IGrainStorage> _instances = [];

    /// <summary>Creates a new provider instance; every call opens the same underlying store.</summary>
    protected abstract IGrainStorage CreateStorage();

    /// <summary>Deletes the underlying store, after every instance has been disposed.</summary>
    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadStateAsync_MissingRecord_ReturnsDefaultWithoutETag()
    {
        var storage = Open();
        var state = new GrainState<TestState>(new TestState { Name = "in memory only" }) { ETag = "stale", RecordExists = true };

        await storage.ReadStateAsync(StateName, NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new TestState(), state.State);
    }

    [Fact]
    public async Task WriteStateAsync_NewRecord_SetsETagAndRecordExists()
    {
        var state = new GrainState<TestState>(new TestState { Name = "Contoso", Count = 1 });

        await Open().WriteStateAsync(StateName, NewGrainId(), state);

        Assert.True(state.RecordExists);
        Assert.False(string.IsNullOrEmpty(state.ETag));
    }

    [Fact]
    public async Task WriteStateAsync_ThenRead_ReturnsSameStateAndETag()
    {
        var storage = Open();
        var grainId = NewGrainId();
        var written = await WriteNewAsync(storage, grainId, new TestState { Name = "Contoso", Count = 3 });

        var read = await ReadAsync(storage, grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
    }

    [Fact]
    public async Task WriteStateAsync_CurrentETag_ReplacesStateAndChangesETag()
    {
        var storage = Open();
        var grainId = NewGrainId();
        var state = await WriteNewAsync(storage, grainId, new TestState { Name = "v1" });
        var firstEtag = state.ETag;

        state.State = new TestState { Name = "v2" };
        await storage.WriteStateAsync(StateName, grainId, state);

        Assert.NotEqual(firstEtag, state.ETag);
        var read = await ReadAsync(storage, grainId);
        Assert.Equal("v2", read.State?.Name);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_StaleETag_ThrowsAndKeepsStoredState()
    {
        var storage = Open();
        var grainId = NewGrainId();
        var current = await WriteNewAsync(storage, grainId, new TestState { Name = "v1" });
        var stale = new GrainState<TestState>(current.State, current.ETag);
        current.State = new TestState { Name = "v2" };
        await storage.WriteStateAsync(StateName, grainId, current);

        stale.State = new TestState { Name = "lost update" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        var read = await ReadAsync(storage, grainId);
        Assert.Equal("v2", read.State?.Name);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_MadeUpETagOnFirstWrite_Throws()
    {
        var storage = Open();
        var grainId = NewGrainId();
        var state = new GrainState<TestState>(new TestState { Name = "ghost" }, "made-up-etag");

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, state));

        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task WriteStateAsync_NoETagWhenRecordExists_Throws()
    {
        var storage = Open();
        var grainId = NewGrainId();
        await WriteNewAsync(storage, grainId, new TestState { Name = "first" });
        var second = new GrainState<TestState>(new TestState { Name = "second" });

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, second));

        Assert.Equal("first", (await ReadAsync(storage, grainId)).State?.Name);
    }

    [Fact]
    public async Task WriteStateAsync_ETagFromBeforeClearAndRewrite_Throws()
    {
        var storage = Open();
        var grainId = NewGrainId();
        var old = await WriteNewAsync(storage, grainId, new TestState { Name = "v1" });
        var oldEtag = old.ETag;
        await storage.ClearStateAsync(StateName, grainId, old);
        await WriteNewAsync(storage, grainId, new TestState { Name = "recreated" });

        var stale = new GrainState<TestState>(new TestState { Name = "lost update" }, oldEtag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal("recreated", (await ReadAsync(storage, grainId)).State?.Name);
    }

    [Fact]
    public async Task WriteStateAsync_ConcurrentWritersWithSameETag_ExactlyOneSucceeds()
    {
        var grainId = NewGrainId();
        var origin = await WriteNewAsync(Open(), grainId, new TestState { Name = "origin" });
        var writers = Enumerable.Range(0, 2)
            .Select(i => (Storage: Open(), State: new GrainState<TestState>(new TestState { Name = $"writer {i}" }, origin.ETag)))
            .ToList();

        var outcomes = await Task.WhenAll(writers.Select(w => Task.Run(() => TryWriteAsync(w.Storage, grainId, w.State))));

        Assert.Equal(1, outcomes.Count(succeeded => succeeded));
        var winner = writers[Array.IndexOf(outcomes, true)].State;
        var read = await ReadAsync(Open(), grainId);
        Assert.Equal(winner.State, read.State);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_DifferentStateNames_DoNotCollide()
    {
        var storage = Open();
        var grainId = NewGrainId();
        await WriteNewAsync(storage, grainId, new TestState { Name = "lead" }, "lead");
        await WriteNewAsync(storage, grainId, new TestState { Name = "goals" }, "goals");

        Assert.Equal("lead", (await ReadAsync(storage, grainId, "lead")).State?.Name);
        Assert.Equal("goals", (await ReadAsync(storage, grainId, "goals")).State?.Name);
        Assert.False((await ReadAsync(storage, grainId, "other")).RecordExists);
    }

    [Fact]
    public async Task WriteStateAsync_DifferentGrainIds_DoNotCollide()
    {
        var storage = Open();
        var key = Guid.NewGuid().ToString("N");
        var lead = GrainId.Create("lead", key);
        var rep = GrainId.Create("rep", key);
        await WriteNewAsync(storage, lead, new TestState { Name = "lead" });
        await WriteNewAsync(storage, rep, new TestState { Name = "rep" });

        Assert.Equal("lead", (await ReadAsync(storage, lead)).State?.Name);
        Assert.Equal("rep", (await ReadAsync(storage, rep)).State?.Name);
        Assert.False((await ReadAsync(storage, NewGrainId())).RecordExists);
    }

    [Fact]
    public async Task ClearStateAsync_CurrentETag_ResetsStateAndReadReturnsMissing()
    {
        var storage = Open();
        var grainId = NewGrainId();
        var state = await WriteNewAsync(storage, grainId, new TestState { Name = "doomed", Count = 9 });

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new TestState(), state.State);
        var read = await ReadAsync(storage, grainId);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task ClearStateAsync_StaleETag_ThrowsAndKeepsStoredState()
    {
        var storage = Open();
        var grainId = NewGrainId();
        var current = await WriteNewAsync(storage, grainId, new TestState { Name = "v1" });
        var stale = new GrainState<TestState>(current.State, current.ETag);
        current.State = new TestState { Name = "v2" };
        await storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale));

        var read = await ReadAsync(storage, grainId);
        Assert.True(read.RecordExists);
        Assert.Equal("v2", read.State?.Name);
    }

    [Fact]
    public async Task ClearStateAsync_MissingRecordWithoutETag_Succeeds()
    {
        var storage = Open();
        var grainId = NewGrainId();
        var state = new GrainState<TestState>(new TestState());

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.False(state.RecordExists);
        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task ReadStateAsync_FreshInstanceAfterDispose_ReturnsPersistedState()
    {
        var grainId = NewGrainId();
        var first = Open();
        var written = await WriteNewAsync(first, grainId, new TestState { Name = "durable", Count = 42 });
        await CloseAsync(first);

        var read = await ReadAsync(Open(), grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(written.State, read.State);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_CanceledToken_ThrowsAndWritesNothing()
    {
        var storage = Open();
        var grainId = NewGrainId();
        var state = new GrainState<TestState>(new TestState { Name = "never" });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => storage.WriteStateAsync(StateName, grainId, state, new CancellationToken(canceled: true)));

        Assert.False((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task WriteStateAsync_ManyGrainsAtOnce_EveryWriteIsStoredAndAnETagConflictFailsOnlyItsOwn()
    {
        var storage = Open();
        var movedId = NewGrainId();
        var moved = await WriteNewAsync(storage, movedId, new TestState { Name = "v1" });
        var stale = new GrainState<TestState>(new TestState { Name = "stale" }) { ETag = moved.ETag, RecordExists = true };
        moved.State = new TestState { Name = "v2" };
        await storage.WriteStateAsync(StateName, movedId, moved);
        var writes = Enumerable.Range(0, 64).Select(i => (Id: NewGrainId(), State: new GrainState<TestState>(new TestState { Name = $"grain {i}", Count = i }))).ToList();

        // All in flight together, the stale one in the middle, as concurrent grains write.
        var pending = writes.Select(w => storage.WriteStateAsync(StateName, w.Id, w.State)).ToList();
        var conflict = storage.WriteStateAsync(StateName, movedId, stale);

        await Assert.ThrowsAsync<InconsistentStateException>(() => conflict);
        await Task.WhenAll(pending);
        var reader = Open();
        foreach (var (id, state) in writes)
        {
            var read = await ReadAsync(reader, id);
            Assert.Equal((state.State, state.ETag), (read.State, read.ETag));
        }

        Assert.Equal(new TestState { Name = "v2" }, (await ReadAsync(reader, movedId)).State);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var instance in _instances.ToList())
        {
            await CloseAsync(instance);
        }

        await DisposeStoreAsync();
    }

    private static GrainId NewGrainId() => GrainId.Create("conformance", Guid.NewGuid().ToString("N"));

    private async Task CloseAsync(IGrainStorage storage)
    {
        _instances.Remove(storage);
        switch (storage)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private static async Task<GrainState<TestState>> WriteNewAsync(IGrainStorage storage, GrainId grainId, TestState value, string stateName = StateName)
    {
        var state = new GrainState<TestState>(value);
        await storage.WriteStateAsync(stateName, grainId, state);
        return state;
    }

    private static async Task<GrainState<TestState>> ReadAsync(IGrainStorage storage, GrainId grainId, string stateName = StateName)
    {
        var state = new GrainState<TestState>(new TestState());
        await storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }

    private static async Task<bool> TryWriteAsync(IGrainStorage storage, GrainId grainId, GrainState<TestState> state)
    {
        try
        {
            await storage.WriteStateAsync(StateName, grainId, state);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private IGrainStorage Open()
    {
        var storage = CreateStorage();
        _instances.Add(storage);
        return storage;
    }
}
