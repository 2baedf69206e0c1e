using SalesCoach.Analytics;

namespace SalesCoach.Grains.Tests.Analytics;

/// <summary>
/// A funnel's snapshot rewrites every lead it has seen, so a larger funnel waits for more journal pages
/// before the next one: the snapshot's cost per write stays level as the pipeline's history grows, and a
/// cold funnel still replays a bounded journal.
/// </summary>
public sealed class FunnelSnapshotIntervalTests
{
    [Theory]
    [InlineData(0, 0, FunnelJournal.PagesPerSnapshot)]
    [InlineData(2_000, 2_000, FunnelJournal.PagesPerSnapshot)] // 4,000 leads / 16 = 250: the minimum holds
    [InlineData(20_000, 12_000, 2_000)] // 32,000 / 16
    [InlineData(1_000_000, 50_000, FunnelJournal.MaxPagesPerSnapshot)]
    public void PagesBetweenSnapshots_GrowWithTheLeadsSeenBetweenTheMinimumAndTheMaximum(int applied, int open, int expected)
    {
        var state = new FunnelState();
        for (var i = 0; i < applied; i++)
        {
            state.Applied[$"lead-{i}"] = 1;
        }

        for (var i = 0; i < open; i++)
        {
            state.Open[$"lead-{i}"] = new OpenLead();
        }

        Assert.Equal(expected, FunnelJournal.PagesBetweenSnapshots(state));
    }
}
