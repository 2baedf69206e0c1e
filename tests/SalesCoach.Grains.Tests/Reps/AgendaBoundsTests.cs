using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.Reps;

/// <summary>
/// The rep keeps its open tasks by due time (<see cref="AgendaDueIndex"/>) as they come, go, are re-dated and
/// prompted, instead of walking the agenda on every change; a wrong bound would wake the rep late (or never).
/// </summary>
public sealed class AgendaBoundsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Bounds_AfterEveryChangeOfARandomDay_AreWhatAWalkOfTheAgendaFinds()
    {
        var random = new Random(20261128);
        var rep = new RepState();
        var keys = new List<string>();
        for (var step = 0; step < 2_000; step++)
        {
            // Few distinct due times, so ties between tasks are common.
            var due = Start.AddMinutes(15 * random.Next(12));
            switch (random.Next(4))
            {
                case 0 or 1:
                    var lead = $"l{random.Next(40)}";
                    var task = random.Next(2) == 0 ? "call" : "mail";
                    rep.PutTask(new AgendaItem { LeadId = lead, LeadName = lead, TaskId = task, Title = task, StageId = "s", DueAt = due });
                    keys.Add($"{lead}/{task}");
                    break;
                case 2 when keys.Count > 0:
                    rep.CloseTask(keys[random.Next(keys.Count)]);
                    break;
                case 3 when rep.Agenda.Count > 0:
                    var item = rep.Agenda.Values.ElementAt(random.Next(rep.Agenda.Count));
                    rep.MarkPrompted(item.Key, item.DueAt);
                    break;
            }

            Assert.Equal(AgendaBounds.Of(rep), rep.Bounds);
        }
    }

    [Fact]
    public void Bounds_EarliestTaskPromptedThenRedated_IsUnpromptedAgainAtItsNewTime()
    {
        var rep = new RepState();
        var early = new AgendaItem { LeadId = "l1", LeadName = "Acme", TaskId = "call", Title = "Call", StageId = "s", DueAt = Start };
        rep.PutTask(early);
        rep.PutTask(early with { LeadId = "l2", DueAt = Start.AddHours(2) });
        rep.MarkPrompted(early.Key, early.DueAt);
        Assert.Equal(new AgendaBounds(Start, Start.AddHours(2)), rep.Bounds);

        rep.PutTask(early with { DueAt = Start.AddHours(1) });

        Assert.Equal(new AgendaBounds(Start.AddHours(1), Start.AddHours(1)), rep.Bounds);
    }

    [Fact]
    public void Bounds_RepCompletingTheMostUrgentTaskEachTime_MoveToTheNextTaskAndItsNextNewOne()
    {
        var rep = new RepState();
        for (var i = 0; i < 300; i++)
        {
            var item = new AgendaItem { LeadId = $"l{i}", LeadName = "Acme", TaskId = "call", Title = "Call", StageId = "s", DueAt = Start.AddMinutes(i) };
            rep.PutTask(item);
            if (i % 3 == 0)
            {
                rep.MarkPrompted(item.Key, item.DueAt);
            }
        }

        for (var done = 0; done < 300; done++)
        {
            Assert.Equal(new AgendaBounds(Start.AddMinutes(done), Start.AddMinutes(done % 3 == 0 ? done + 1 : done)), rep.Bounds);

            // The lead moves on: its next task is due the day after.
            rep.CloseTask($"l{done}/call");
            rep.PutTask(new AgendaItem { LeadId = $"l{done}", LeadName = "Acme", TaskId = "mail", Title = "Mail", StageId = "s2", DueAt = Start.AddDays(1).AddMinutes(done) });
            Assert.Equal(AgendaBounds.Of(rep), rep.Bounds);
        }

        Assert.Equal(new AgendaBounds(Start.AddDays(1), Start.AddDays(1)), rep.Bounds);
    }
}
