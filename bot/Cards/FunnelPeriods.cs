namespace SalesCoach.Bot.Cards;

/// <summary>The periods the funnel card offers, as the days they cover (UTC, both ends inclusive).</summary>
public static class FunnelPeriods
{
    public const string Last30Days = "30d";
    public const string Last90Days = "90d";
    public const string ThisQuarter = "quarter";
    public const string AllTime = "all";

    public static IReadOnlyList<(string Value, string Title)> Choices { get; } =
        [(Last30Days, "Last 30 days"), (Last90Days, "Last 90 days"), (ThisQuarter, "This quarter"), (AllTime, "All time")];

    /// <summary>The days of <paramref name="period"/> ending today; unknown periods read as the last 90 days.</summary>
    public static (DateOnly? From, DateOnly? To) Resolve(string? period, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return period switch
        {
            Last30Days => (today.AddDays(-29), today),
            ThisQuarter => (new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), today),
            AllTime => (null, null),
            _ => (today.AddDays(-89), today),
        };
    }

    public static string Title(string? period) =>
        Choices.FirstOrDefault(c => c.Value == period).Title ?? Choices[1].Title;
}
