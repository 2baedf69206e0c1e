using Microsoft.Azure.Cosmos;
using Orleans.Runtime;
using Orleans.Storage;
using SalesCoach.Storage.Tests.Conformance;

namespace SalesCoach.Storage.Tests.Cosmos;

/// <summary>How the providers meet their containers: created when allowed, refused clearly when missing or wrong.</summary>
[Trait("Category", "Cosmos")]
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosContainerTests(CosmosServerFixture fixture) : IAsyncLifetime
{
    private readonly CosmosTestStore _store = new(fixture.Server);

    [Fact]
    public async Task WriteStateAsync_NewDatabase_CreatesContainerWithIdPartitionKeyAndNoIndexedPaths()
    {
        var storage = _store.CreateGrainStorage();

        await storage.WriteStateAsync("lead", GrainId.Create("lead", "a"), new GrainState<TestState>(new TestState { Name = "a" }));

        using var client = fixture.Server.CreateClient();
        ContainerProperties container = await client.GetContainer(_store.Database, "grainstate").ReadContainerAsync();
        Assert.Equal("/id", container.PartitionKeyPath);
        Assert.Equal("/*", Assert.Single(container.IndexingPolicy.ExcludedPaths).Path);
    }

    [Fact]
    public async Task StartAsync_NewDatabase_CreatesReminderContainerIndexingOnlyHashAndGrainId()
    {
        await _store.CreateReminderTable().StartAsync();

        using var client = fixture.Server.CreateClient();
        ContainerProperties container = await client.GetContainer(_store.Database, "reminders").ReadContainerAsync();
        Assert.Equal("/pk", container.PartitionKeyPath);
        Assert.Equal(["/grainId/?", "/hash/?"], container.IndexingPolicy.IncludedPaths.Select(p => p.Path).Order());
    }

    [Fact]
    public async Task WriteStateAsync_MissingContainerWithoutCreate_FailsNamingTheContainer()
    {
        var options = _store.CreateOptions();
        options.CreateIfNotExists = false;
        var storage = _store.CreateGrainStorage(options);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => storage.WriteStateAsync("lead", GrainId.Create("lead", "a"), new GrainState<TestState>(new TestState())));

        Assert.Contains("container 'grainstate'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadStateAsync_ContainerWithAnotherPartitionKey_FailsNamingBoth()
    {
        using (var client = fixture.Server.CreateClient())
        {
            Database database = await client.CreateDatabaseIfNotExistsAsync(_store.Database);
            await database.CreateContainerAsync("grainstate", "/grainId");
        }

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _store.CreateGrainStorage().ReadStateAsync("lead", GrainId.Create("lead", "a"), new GrainState<TestState>(new TestState())));

        Assert.Contains("'/grainId'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'/id'", exception.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();
}
