namespace SalesCoach.Reps;

/// <summary>The earliest due time of a rep's open tasks, and of those not yet prompted for their due time.</summary>
internal readonly record struct AgendaBounds(DateTimeOffset? EarliestDue, DateTimeOffset? EarliestUnprompted)
{
    /// <summary>Walks the whole agenda once (what <see cref="AgendaDueIndex"/> answers without a walk).</summary>
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
}
