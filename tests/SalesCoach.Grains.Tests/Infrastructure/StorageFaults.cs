namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>
/// Storage failures a test arms for the fixture's <see cref="FaultyStorage"/>: the next writes of the
/// matching state names fail, either before anything is stored or after the row is stored (a commit
/// whose acknowledgement was lost, the case that leaves the writer unsure).
/// </summary>
public sealed class StorageFaults
{
    private readonly Lock gate = new();
    private Func<string, bool>? matches;
    private bool afterStoring;
    private int remaining;

    /// <summary>How many writes have failed so far.</summary>
    public int Failed { get; private set; }

    /// <summary>Fails the next <paramref name="count"/> writes of the states whose name <paramref name="stateName"/> accepts.</summary>
    public void FailWrites(Func<string, bool> stateName, bool afterStoring, int count = 1)
    {
        lock (gate)
        {
            matches = stateName;
            this.afterStoring = afterStoring;
            remaining = count;
        }
    }

    /// <summary>Whether this write fails, and when; null when it goes through.</summary>
    internal bool? Take(string stateName)
    {
        lock (gate)
        {
            if (remaining == 0 || matches?.Invoke(stateName) != true)
            {
                return null;
            }

            remaining--;
            Failed++;
            return afterStoring;
        }
    }
}
