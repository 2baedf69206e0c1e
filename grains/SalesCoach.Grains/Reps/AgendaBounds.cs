namespace SalesCoach.Reps;

/// <summary>The earliest due time of a rep's open tasks, and of those not yet prompted for their due time.</summary>
internal readonly record struct AgendaBounds(DateTimeOffset? EarliestDue, DateTimeOffset? EarliestUnprompted)
{
    /// <summary>Walks the whole agenda once.</summary>
    public static AgendaBounds Of(RepState rep)
    {
        DateTimeOffset? earliest = null, unprompted = null;
        foreach (var (key, item) in rep.Agenda)
        {
            if (earliest is null || item.DueAt < earliest)
            {
                earliest = item.DueAt;
            }

            // The prompt is looked up only for a task that would move the bound (a few per walk, not one per task).
            if ((unprompted is null || item.DueAt < unprompted) && !rep.IsPromptedFor(key, item.DueAt))
            {
                unprompted = item.DueAt;
            }
        }

        return new AgendaBounds(earliest, unprompted);
    }

    /// <summary>These bounds with one more task due at <paramref name="dueAt"/>.</summary>
    public AgendaBounds With(DateTimeOffset dueAt, bool unprompted) => new(
        EarliestDue is null || dueAt < EarliestDue ? dueAt : EarliestDue,
        unprompted && (EarliestUnprompted is null || dueAt < EarliestUnprompted) ? dueAt : EarliestUnprompted);

    /// <summary>True when a task due at <paramref name="dueAt"/> may be what sets a bound: taking it away needs a new walk.</summary>
    public bool IsBound(DateTimeOffset dueAt) => dueAt == EarliestDue || dueAt == EarliestUnprompted;
}
