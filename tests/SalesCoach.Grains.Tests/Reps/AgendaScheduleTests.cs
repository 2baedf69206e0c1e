using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.Reps;

public sealed class AgendaScheduleTests
{
    private const int DigestHour = 8;
    private static readonly DateTimeOffset Today0700 = new(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);

    private static AgendaItem Item(string task, DateTimeOffset due) =>
        new() { LeadId = "l1", LeadName = "Acme", TaskId = task, Title = task, StageId = "s", DueAt = due };

    private static RepState Rep(params AgendaItem[] items) =>
        new() { Agenda = items.ToDictionary(i => i.Key) };

    [Fact]
    public void NextWake_EmptyAgenda_IsNull() => Assert.Null(AgendaSchedule.NextWake(Rep(), Today0700, DigestHour));

    [Fact]
    public void NextWake_FutureTasks_IsTheEarliestDueTime()
    {
        var rep = Rep(Item("b", Today0700.AddHours(5)), Item("a", Today0700.AddMinutes(30)));
        Assert.Equal(Today0700.AddMinutes(30), AgendaSchedule.NextWake(rep, Today0700, DigestHour));
    }

    [Fact]
    public void NextWake_PromptedTask_WaitsForTheDigest()
    {
        var rep = Rep(Item("a", Today0700.AddMinutes(-10)));
        rep.Prompted["l1/a"] = Today0700.AddMinutes(-10);
        Assert.Equal(Today0700.AddHours(1), AgendaSchedule.NextWake(rep, Today0700, DigestHour)); // today's 08:00 digest
    }

    [Theory]
    [InlineData("later", "prompted", "next")]
    [InlineData("prompted", "next", "later")]
    [InlineData("next", "later", "prompted")]
    public void NextWake_EarlierTasksPrompted_IsTheEarliestUnpromptedOneInAnyOrder(string first, string second, string third)
    {
        var due = new Dictionary<string, DateTimeOffset>
        {
            ["prompted"] = Today0700.AddMinutes(5),
            ["next"] = Today0700.AddMinutes(20),
            ["later"] = Today0700.AddMinutes(40),
        };
        var rep = Rep(Item(first, due[first]), Item(second, due[second]), Item(third, due[third]));
        rep.Prompted["l1/prompted"] = due["prompted"];
        Assert.Equal(due["next"], AgendaSchedule.NextWake(rep, Today0700, DigestHour));
    }

    [Fact]
    public void NextWake_DigestSentToday_WaitsForTomorrowsDigest()
    {
        var rep = Rep(Item("a", Today0700.AddMinutes(-10)));
        rep.Prompted["l1/a"] = Today0700.AddMinutes(-10);
        rep.LastDigestDay = "2026-11-28";
        Assert.Equal(Today0700.AddHours(25), AgendaSchedule.NextWake(rep, Today0700, DigestHour));
    }

    [Fact]
    public void NextWake_RedatedTask_IsPromptedAgainAtItsNewTime()
    {
        var rep = Rep(Item("a", Today0700.AddMinutes(20)));
        rep.Prompted["l1/a"] = Today0700.AddMinutes(-10); // prompted for the old due time
        Assert.Equal(Today0700.AddMinutes(20), AgendaSchedule.NextWake(rep, Today0700, DigestHour));
    }

    [Fact]
    public void DueForPrompt_ReturnsUnpromptedDueTasksInOrder()
    {
        var rep = Rep(Item("late", Today0700.AddMinutes(-5)), Item("early", Today0700.AddHours(-2)), Item("future", Today0700.AddHours(1)));
        Assert.Equal(["early", "late"], AgendaSchedule.DueForPrompt(rep, Today0700).Select(i => i.TaskId));
        rep.Prompted["l1/early"] = Today0700.AddHours(-2);
        Assert.Equal(["late"], AgendaSchedule.DueForPrompt(rep, Today0700).Select(i => i.TaskId));
    }

    [Fact]
    public void DigestDue_OnlyAfterTheDigestHourAndOncePerDay()
    {
        var rep = Rep(Item("a", Today0700.AddDays(-1)), Item("b", Today0700.AddDays(1)));
        Assert.Empty(AgendaSchedule.DigestDue(rep, Today0700, DigestHour));
        Assert.Equal(["a"], AgendaSchedule.DigestDue(rep, Today0700.AddHours(2), DigestHour).Select(i => i.TaskId));
        rep.LastDigestDay = "2026-11-28";
        Assert.Empty(AgendaSchedule.DigestDue(rep, Today0700.AddHours(2), DigestHour));
    }

    [Fact]
    public void DigestDue_TaskFallingDueAfterTheDigestHour_WaitsForTomorrow()
    {
        var rep = Rep(Item("a", Today0700.AddHours(2)));
        rep.Prompted["l1/a"] = Today0700.AddHours(2);
        Assert.Empty(AgendaSchedule.DigestDue(rep, Today0700.AddHours(3), DigestHour));
        Assert.Equal(Today0700.AddHours(25), AgendaSchedule.NextWake(rep, Today0700.AddHours(3), DigestHour));
    }
}
