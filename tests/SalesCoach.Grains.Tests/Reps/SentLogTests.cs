using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.Reps;

/// <summary>The rep's memory of what it sent: a repeat is refused for the retention window, then forgotten by whole days.</summary>
public sealed class SentLogTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Add_SameIdTwice_SecondIsRefusedAndOtherIdsAreNotTakenForIt()
    {
        var log = new SentLog();

        Assert.True(log.Add("guidance:lead-1/2", Monday));
        Assert.False(log.Add("guidance:lead-1/2", Monday.AddHours(2)));
        Assert.True(log.Contains("guidance:lead-1/2"));
        Assert.False(log.Contains("guidance:lead-1/3"));
        Assert.False(log.Contains("guidance:lead-12/"));
    }

    [Fact]
    public void Prune_KeepsTheDayOfTheCutOffAndForgetsEarlierDays()
    {
        var log = new SentLog();
        log.Add("sent-monday", Monday);
        log.Add("sent-tuesday", Monday.AddHours(1)); // 00:30 UTC on Tuesday

        Assert.False(log.Prune(Monday.AddMinutes(-1)));
        Assert.True(log.Prune(Monday.AddHours(12))); // cut-off on Tuesday: Monday goes

        Assert.False(log.Contains("sent-monday"));
        Assert.True(log.Contains("sent-tuesday"));
        Assert.True(log.Add("sent-monday", Monday.AddHours(13))); // forgotten, so it would be sent again
    }

    [Fact]
    public void Contains_LogRebuiltFromItsStoredDays_KnowsTheSameIds()
    {
        var log = new SentLog();
        for (var i = 0; i < 500; i++)
        {
            log.Add($"due:lead-{i}/call@{i}", Monday.AddHours(i % 48));
        }

        // What storage keeps is Days; the index beside it is rebuilt on first use.
        var stored = new SentLog { Days = log.Days.ToDictionary(d => d.Key, d => d.Value.ToList()) };

        Assert.All(Enumerable.Range(0, 500), i => Assert.True(stored.Contains($"due:lead-{i}/call@{i}")));
        Assert.False(stored.Contains("due:lead-500/call@500"));
        Assert.Equal(3, stored.Days.Count);
    }

    [Fact]
    public void Replay_ThePagesOfEachWrite_RebuildTheLogAndAPageReplayedTwiceAddsNothing()
    {
        var log = new SentLog();
        var pages = new List<SentLogPage>();
        for (var i = 0; i < 40; i++)
        {
            log.Add($"guidance:lead-{i}/1", Monday.AddHours(i));
            if (i % 10 == 9)
            {
                log.Prune(Monday.AddHours(i - 12));
                pages.Add(log.TakeChanges());
            }
        }

        var stored = new SentLog();
        foreach (var page in pages)
        {
            stored = SentLog.Replay(stored, page);
        }

        stored = SentLog.Replay(stored, pages[^1]); // a snapshot may already hold the page after it

        Assert.Equal(log.Days.OrderBy(d => d.Key).Select(d => (d.Key, d.Value.Count)), stored.Days.OrderBy(d => d.Key).Select(d => (d.Key, d.Value.Count)));
        Assert.False(stored.Contains("guidance:lead-0/1")); // its day was forgotten
        Assert.True(stored.Contains("guidance:lead-39/1"));
        Assert.Empty(log.TakeChanges().Added);
    }
}
