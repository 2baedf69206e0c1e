using Orleans;
using Orleans.Runtime;

namespace SalesCoach.Storage.Tests.Conformance;

/// <summary>
/// The <see cref="IReminderTable"/> contract every provider must meet. A provider's test class derives from
/// this and supplies instances over a store of its own (one store per test).
/// </summary>
public abstract class ReminderTableConformanceTests : IAsyncLifetime
{
    private static readonly DateTime StartAt = new(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);
    private readonly List<IReminderTable> _instances = [];

    /// <summary>Creates a new, not yet started table instance; every call opens the same underlying store.</summary>
    protected abstract IReminderTable CreateTable();

    /// <summary>Deletes the underlying store, after every instance has been stopped and disposed.</summary>
    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadRow_MissingReminder_ReturnsNull()
    {
        var table = await OpenAsync();

        Assert.Null(await table.ReadRow(NewGrainId(), "follow-up"));
    }

    [Fact]
    public async Task UpsertRow_NewReminder_ReadRowReturnsItWithTheNewETag()
    {
        var table = await OpenAsync();
        var grainId = NewGrainId();

        var etag = await table.UpsertRow(Entry(grainId, "follow-up"));

        var row = await table.ReadRow(grainId, "follow-up");
        Assert.NotNull(row);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(etag, row.ETag);
        Assert.Equal(grainId, row.GrainId);
        Assert.Equal("follow-up", row.ReminderName);
        Assert.Equal(StartAt, row.StartAt);
        Assert.Equal(Period, row.Period);
    }

    [Fact]
    public async Task UpsertRow_ExistingReminder_ReplacesRowAndChangesETag()
    {
        var table = await OpenAsync();
        var grainId = NewGrainId();
        var firstEtag = await table.UpsertRow(Entry(grainId, "follow-up"));
        var changed = Entry(grainId, "follow-up");
        changed.StartAt = StartAt.AddDays(1);
        changed.Period = TimeSpan.FromMinutes(15);
        changed.ETag = firstEtag;

        var secondEtag = await table.UpsertRow(changed);

        Assert.NotEqual(firstEtag, secondEtag);
        var rows = await table.ReadRows(grainId);
        var row = Assert.Single(rows.Reminders);
        Assert.Equal(secondEtag, row.ETag);
        Assert.Equal(StartAt.AddDays(1), row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(15), row.Period);
    }

    [Fact]
    public async Task ReadRows_ByGrain_ReturnsOnlyThatGrainsReminders()
    {
        var table = await OpenAsync();
        var grainId = NewGrainId();
        await table.UpsertRow(Entry(grainId, "follow-up"));
        await table.UpsertRow(Entry(grainId, "stale-check"));
        await table.UpsertRow(Entry(NewGrainId(), "follow-up"));

        var rows = await table.ReadRows(grainId);

        Assert.Equal(new[] { "follow-up", "stale-check" }, rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grainId, r.GrainId));
    }

    [Fact]
    public async Task ReadRows_BeginBelowEnd_ReturnsHashesAfterBeginThroughEnd()
    {
        var (table, ring) = await OpenWithRingAsync();

        // (h1, h3]: begin is exclusive, end inclusive.
        var rows = await table.ReadRows(Hash(ring[1]), Hash(ring[3]));

        AssertGrains([ring[2], ring[3]], rows);
    }

    [Fact]
    public async Task ReadRows_BeginAboveEnd_WrapsAroundTheRing()
    {
        var (table, ring) = await OpenWithRingAsync();

        // (h3, h1] wraps past uint.MaxValue: h4, h5, then from zero h0, h1.
        var rows = await table.ReadRows(Hash(ring[3]), Hash(ring[1]));

        AssertGrains([ring[4], ring[5], ring[0], ring[1]], rows);
    }

    [Fact]
    public async Task ReadRows_BeginEqualsEnd_ReturnsTheFullRing()
    {
        var (table, ring) = await OpenWithRingAsync();

        AssertGrains(ring, await table.ReadRows(Hash(ring[2]), Hash(ring[2])));
        AssertGrains(ring, await table.ReadRows(0, 0));
    }

    [Fact]
    public async Task ReadRows_ZeroToMaxValue_ReturnsEveryNonZeroHash()
    {
        var (table, ring) = await OpenWithRingAsync();

        var rows = await table.ReadRows(0, uint.MaxValue);

        AssertGrains(ring, rows);
    }

    [Fact]
    public async Task RemoveRow_CurrentETag_RemovesRowAndReturnsTrue()
    {
        var table = await OpenAsync();
        var grainId = NewGrainId();
        var etag = await table.UpsertRow(Entry(grainId, "follow-up"));

        Assert.True(await table.RemoveRow(grainId, "follow-up", etag!));

        Assert.Null(await table.ReadRow(grainId, "follow-up"));
    }

    [Fact]
    public async Task RemoveRow_StaleETag_ReturnsFalseAndKeepsRow()
    {
        var table = await OpenAsync();
        var grainId = NewGrainId();
        var staleEtag = await table.UpsertRow(Entry(grainId, "follow-up"));
        var currentEtag = await table.UpsertRow(Entry(grainId, "follow-up"));

        Assert.False(await table.RemoveRow(grainId, "follow-up", staleEtag!));

        Assert.Equal(currentEtag, (await table.ReadRow(grainId, "follow-up"))?.ETag);
    }

    [Fact]
    public async Task RemoveRow_MissingReminder_ReturnsFalse()
    {
        var table = await OpenAsync();

        Assert.False(await table.RemoveRow(NewGrainId(), "follow-up", "made-up-etag"));
    }

    [Fact]
    public async Task TestOnlyClearTable_WithRows_LeavesTableEmpty()
    {
        var (table, _) = await OpenWithRingAsync();

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
    }

    [Fact]
    public async Task ReadRows_FreshInstanceAfterStopAndDispose_ReturnsPersistedReminders()
    {
        var grainId = NewGrainId();
        var first = await OpenAsync();
        var etag = await first.UpsertRow(Entry(grainId, "follow-up"));
        await CloseAsync(first);

        var second = await OpenAsync();

        var row = Assert.Single((await second.ReadRows(grainId)).Reminders);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(StartAt, row.StartAt);
        Assert.Equal(Period, row.Period);
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

    private static uint Hash(GrainId grainId) => grainId.GetUniformHashCode();

    private static ReminderEntry Entry(GrainId grainId, string name)
        => new() { GrainId = grainId, ReminderName = name, StartAt = StartAt, Period = Period };

    private static void AssertGrains(IEnumerable<GrainId> expected, ReminderTableData rows)
        => Assert.Equal(expected.Order(), rows.Reminders.Select(r => r.GrainId).Order());

    /// <summary>
    /// Six grains sorted by their ring hash. Fixed keys, so the hashes are the same on every run; the
    /// ranges in the tests are cut at these exact hashes to pin down which bound is inclusive.
    /// </summary>
    private static GrainId[] Ring()
    {
        var ring = Enumerable.Range(0, 6)
            .Select(i => GrainId.Create("ring", $"lead-{i}"))
            .OrderBy(Hash)
            .ToArray();
        Assert.Equal(ring.Length, ring.Select(Hash).Distinct().Count());
        Assert.DoesNotContain(0u, ring.Select(Hash));
        return ring;
    }

    private async Task<(IReminderTable Table, GrainId[] Ring)> OpenWithRingAsync()
    {
        var table = await OpenAsync();
        var ring = Ring();
        foreach (var grainId in ring)
        {
            await table.UpsertRow(Entry(grainId, "ring"));
        }

        return (table, ring);
    }

    private async Task<IReminderTable> OpenAsync()
    {
        var table = CreateTable();
        _instances.Add(table);
        await table.StartAsync();
        return table;
    }

    private async Task CloseAsync(IReminderTable table)
    {
        _instances.Remove(table);
        await table.StopAsync();
        switch (table)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
