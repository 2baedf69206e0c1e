namespace SalesCoach.Reps;

/// <summary>
/// A rep's open tasks ordered by due time, for <see cref="AgendaBounds"/> without a walk over the agenda.
/// Closing, re-dating or prompting a task leaves its entry in place: an entry that no longer matches the
/// agenda is dropped when it reaches the front, and both queues are rebuilt when stale entries outnumber
/// live ones. Why: a rep usually completes their most urgent task, which is what sets the bound, so
/// keeping only the bounds meant a walk of every open task on most commands (2.7 % of the bot's CPU with
/// ~440 open tasks per rep).
/// </summary>
internal sealed class AgendaDueIndex
{
    private readonly PriorityQueue<string, DateTimeOffset> all = new();
    private readonly PriorityQueue<string, DateTimeOffset> unprompted = new();

    public static AgendaDueIndex Of(RepState rep)
    {
        var index = new AgendaDueIndex();
        index.Rebuild(rep);
        return index;
    }

    /// <summary>Records a task put on the agenda (already in <paramref name="rep"/>'s agenda) at <paramref name="dueAt"/>.</summary>
    public void Add(RepState rep, string key, DateTimeOffset dueAt)
    {
        Enqueue(rep, key, dueAt);
        if (all.Count > 2 * rep.Agenda.Count + 64)
        {
            Rebuild(rep);
        }
    }

    public AgendaBounds Bounds(RepState rep) =>
        new(Earliest(all, rep, unpromptedOnly: false), Earliest(unprompted, rep, unpromptedOnly: true));

    private static DateTimeOffset? Earliest(PriorityQueue<string, DateTimeOffset> queue, RepState rep, bool unpromptedOnly)
    {
        while (queue.TryPeek(out var key, out var dueAt))
        {
            if (rep.Agenda.TryGetValue(key, out var item) && item.DueAt == dueAt && !(unpromptedOnly && rep.IsPromptedFor(key, dueAt)))
            {
                return dueAt;
            }

            queue.Dequeue();
        }

        return null;
    }

    private void Rebuild(RepState rep)
    {
        all.Clear();
        unprompted.Clear();
        foreach (var (key, item) in rep.Agenda)
        {
            Enqueue(rep, key, item.DueAt);
        }
    }

    private void Enqueue(RepState rep, string key, DateTimeOffset dueAt)
    {
        all.Enqueue(key, dueAt);
        if (!rep.IsPromptedFor(key, dueAt))
        {
            unprompted.Enqueue(key, dueAt);
        }
    }
}
