using BenchmarkDotNet.Attributes;
using SalesCoach.Reps;

/// <summary>
/// The rep's next wake after an agenda change, for a rep with 400 open tasks (a quarter prompted): the walk
/// over every task it used to be, against the rep's tasks kept by due time as they come and go.
/// </summary>
[MemoryDiagnoser]
public class RepWakeBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly RepState rep = new();
    private readonly Queue<AgendaItem> byDue = new();
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < 400; i++)
        {
            var item = Item($"lead-{i}", Now.AddMinutes(i * 7 % 1440 - 300));
            rep.PutTask(item);
            if (i % 4 == 0)
            {
                rep.MarkPrompted(item.Key, item.DueAt);
            }
        }

        foreach (var item in rep.Agenda.Values.OrderBy(i => i.DueAt))
        {
            byDue.Enqueue(item);
        }
    }

    /// <summary>Baseline: one walk over the agenda, what every change cost before.</summary>
    [Benchmark(Baseline = true)]
    public DateTimeOffset? Baseline_WalkTheAgenda() => AgendaBounds.Of(rep).EarliestUnprompted;

    /// <summary>A task of a later day is put (as a lead entering a stage does), then the wake is asked.</summary>
    [Benchmark]
    public DateTimeOffset? PutTaskThenNextWake()
    {
        rep.PutTask(Item($"new-{next++ % 64}", Now.AddDays(2).AddMinutes(next % 97)));
        return AgendaSchedule.NextWake(rep, Now, 8);
    }

    /// <summary>The most urgent task is done (what sets the bound) and the lead's next task is put, then the wake is asked.</summary>
    [Benchmark]
    public DateTimeOffset? CloseEarliestPutNextThenNextWake()
    {
        var earliest = byDue.Dequeue();
        var next = earliest with { DueAt = earliest.DueAt.AddDays(1) };
        rep.CloseTask(earliest.Key);
        rep.PutTask(next);
        byDue.Enqueue(next); // a day later than every task still on the agenda: the order holds
        return AgendaSchedule.NextWake(rep, Now, 8);
    }

    private static AgendaItem Item(string lead, DateTimeOffset due) =>
        new() { LeadId = lead, LeadName = lead, TaskId = "call", Title = "Call", StageId = "work", DueAt = due };
}
