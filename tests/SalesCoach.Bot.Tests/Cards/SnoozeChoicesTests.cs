using SalesCoach.Bot.Cards;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class SnoozeChoicesTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 2, 22, 30, 0, TimeSpan.Zero);

    private static DateTimeOffset? Resolve(string? choice, string? date = null, string? time = null, string? offset = null) =>
        SnoozeChoices.Resolve(new CardActionData { Verb = CardVerbs.SnoozeTask, Snooze = choice, SnoozeDate = date, SnoozeTime = time, UtcOffset = offset }, Now);

    [Fact]
    public void Resolve_InOneHourAndInTwoDays_CountFromNow()
    {
        Assert.Equal(Now.AddHours(1), Resolve(SnoozeChoices.InOneHour));
        Assert.Equal(Now.AddDays(2), Resolve(SnoozeChoices.InTwoDays));
    }

    [Fact]
    public void Resolve_TomorrowMorning_IsNineInTheRepsZone()
    {
        Assert.Equal(new DateTimeOffset(2025, 12, 3, 9, 0, 0, TimeSpan.Zero), Resolve(SnoozeChoices.TomorrowMorning));
        // 22:30 UTC is already Wednesday 00:30 in +02:00: tomorrow is Thursday.
        Assert.Equal(new DateTimeOffset(2025, 12, 4, 7, 0, 0, TimeSpan.Zero), Resolve(SnoozeChoices.TomorrowMorning, offset: "+02:00"));
    }

    [Fact]
    public void Resolve_PickedDateAndTime_AreReadInTheCardsOffset()
    {
        Assert.Equal(new DateTimeOffset(2025, 12, 5, 19, 15, 0, TimeSpan.Zero), Resolve(SnoozeChoices.OnDate, "2025-12-05", "14:15", "-05:00"));
        Assert.Equal(new DateTimeOffset(2025, 12, 5, 9, 0, 0, TimeSpan.Zero), Resolve(null, "2025-12-05"));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("later", null, null)]
    [InlineData("date", null, null)]
    [InlineData("date", "5.12.2025", null)]
    [InlineData("date", "2025-12-05", "2pm")]
    [InlineData("date", "2025-12-01", "10:00")]
    public void Resolve_NothingUsableOrInThePast_IsNull(string? choice, string? date, string? time)
    {
        Assert.Null(Resolve(choice, date, time));
    }

    [Theory]
    [InlineData(0, "+00:00")]
    [InlineData(120, "+02:00")]
    [InlineData(-330, "-05:30")]
    public void FormatOffset_WritesSignHoursAndMinutes(int minutes, string expected)
    {
        Assert.Equal(expected, SnoozeChoices.FormatOffset(TimeSpan.FromMinutes(minutes)));
    }
}
