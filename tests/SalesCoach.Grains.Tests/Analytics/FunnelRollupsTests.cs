using SalesCoach.Analytics;
using SalesCoach.Leads;

namespace SalesCoach.Grains.Tests.Analytics;

/// <summary>
/// The roll-ups the queries read give exactly what summing the fine cells gives, for every period
/// (block boundaries, one day, open ends) and filter combination, and after a rebuild from the persisted state.
/// </summary>
public sealed class FunnelRollupsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<(string Id, string Name)> Stages = [("qualify", "Qualify"), ("meet", "Meet"), ("ask", "Ask")];
    private static readonly string?[] Teams = ["north", "south", null];

    /// <summary>600 days of random batches: 6 reps, one of whom changes team half-way, some leads with no team.</summary>
    private static FunnelState History(int seed, out DateTimeOffset now)
    {
        var random = new Random(seed);
        var state = new FunnelState();
        var seq = new Dictionary<string, long>();
        now = Start;
        for (var i = 0; i < 4000; i++)
        {
            now = Start.AddHours(i * 3.6); // 600 days
            var rep = random.Next(6);
            var team = rep == 5 ? (i < 2000 ? "north" : "south") : Teams[rep % 3];
            var dims = new LeadDimensions { Rep = $"rep{rep}", Team = team, Product = random.Next(2) == 0 ? "a" : "b" };
            var lead = $"l{random.Next(600)}";
            var stage = Stages[random.Next(Stages.Count)].Id;
            LeadEvent e = random.Next(5) switch
            {
                0 => new() { Kind = LeadEventKind.StageEntered, StageId = stage },
                1 => new() { Kind = LeadEventKind.StageExited, StageId = stage, Exit = StageExit.Goal, Forward = true, Days = random.Next(1, 9) },
                2 => new() { Kind = LeadEventKind.StageExited, StageId = stage, Exit = StageExit.Lost, Days = random.Next(1, 9) },
                3 => new() { Kind = LeadEventKind.Won, StageId = stage, Amount = 100 * random.Next(1, 50), CycleDays = random.Next(5, 30), PassedStages = ["qualify", stage] },
                _ => new() { Kind = LeadEventKind.Created },
            };
            var open = random.Next(3) == 0 ? null : new OpenLead
            {
                Dimensions = dims, StageId = stage, EnteredAt = now.AddDays(-random.Next(0, 40)).AddMinutes(-random.Next(0, 1440)),
                Value = 1000 * random.Next(1, 20), Probability = 0.25,
            };
            var next = seq[lead] = seq.GetValueOrDefault(lead) + 1;
            Assert.True(FunnelAggregates.Apply(state, new LeadEventBatch { LeadId = lead, Seq = next, At = now, Dimensions = dims, Events = [e], Open = open }));
        }

        return state;
    }

    public static TheoryData<int?, int?, string?, string?> Filters()
    {
        var data = new TheoryData<int?, int?, string?, string?>();
        (int?, int?)[] periods = [(null, null), (0, 0), (0, 599), (7, 8), (63, 64), (64, 127), (1, 511), (100, null), (null, 300), (511, 513), (590, 700), (-30, -1)];
        (string?, string?)[] scopes = [(null, null), ("north", null), ("south", null), (null, "rep5"), ("south", "rep5"), ("north", "rep2"), (null, "rep2"), (null, "nobody")];
        foreach (var (from, to) in periods)
        {
            foreach (var (team, rep) in scopes)
            {
                data.Add(from, to, team, rep);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void Funnel_AnyPeriodAndScope_EqualsSummingTheFineCells(int? fromDay, int? toDay, string? team, string? rep)
    {
        var state = History(11, out var now);
        var first = DateOnly.FromDateTime(Start.UtcDateTime);
        var filter = new MetricsFilter
        {
            From = fromDay is { } f ? first.AddDays(f) : null, To = toDay is { } t ? first.AddDays(t) : null, TeamId = team, RepId = rep, StuckDays = 10,
        };

        var funnel = FunnelAggregates.Funnel(state, Stages, filter, now);
        var rebuilt = FunnelAggregates.Funnel(Copy(state), Stages, filter, now);

        var cells = Cells(state, filter);
        Assert.Equal(cells.Sum(c => c.Created), funnel.Created);
        Assert.Equal((cells.Sum(c => c.Won), cells.Sum(c => c.Lost), cells.Sum(c => c.WonAmount)), (funnel.Won, funnel.Lost, funnel.WonAmount));
        Assert.Equal(Rates.Average(cells.Sum(c => c.CycleDaysSum), cells.Sum(c => c.Won + c.Lost)), funnel.CycleDays);
        foreach (var stage in funnel.Stages)
        {
            var counters = cells.Select(c => c.Stages.GetValueOrDefault(stage.Id)).OfType<StageCounters>().ToList();
            Assert.Equal(
                (counters.Sum(s => s.Entered), counters.Sum(s => s.Exited), counters.Sum(s => s.Advanced), counters.Sum(s => s.Lost), Rates.Average(counters.Sum(s => s.DaysSum), counters.Sum(s => s.Exited))),
                (stage.Entered, stage.Exited, stage.Advanced, stage.Dropped, stage.AvgDaysInStage));
            Assert.Equal(
                state.Open.Values.Count(o => o.StageId == stage.Id && (now - o.EnteredAt).TotalDays > filter.StuckDays
                    && (rep is null || o.Dimensions.Rep == rep) && (team is null || o.Dimensions.Team == team)),
                stage.Stuck);
        }

        Assert.Equivalent(funnel, rebuilt, strict: true);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(64, 200)]
    [InlineData(300, 300)]
    public void Coaching_RepWhoChangedTeam_EqualsSummingTheFineCells(int? fromDay, int? toDay)
    {
        var state = History(12, out _);
        var first = DateOnly.FromDateTime(Start.UtcDateTime);
        var period = new MetricsFilter { From = fromDay is { } f ? first.AddDays(f) : null, To = toDay is { } t ? first.AddDays(t) : null };

        foreach (var team in new[] { "north", null })
        {
            var coaching = FunnelAggregates.Coaching(state, Stages, "rep5", period with { TeamId = team });
            var rebuilt = FunnelAggregates.Coaching(Copy(state), Stages, "rep5", period with { TeamId = team });

            // Without a team given, the team of the rep's latest work: rep5 ended the history in "south".
            var teamCells = Cells(state, period with { TeamId = team ?? "south" });
            var repCells = Cells(state, period with { RepId = "rep5" });
            foreach (var stage in coaching.Stages)
            {
                Assert.Equal(Conversion(repCells, stage.Id), stage.RepConversion);
                Assert.Equal(Conversion(teamCells, stage.Id), stage.TeamConversion);
            }

            Assert.Equal(Rates.Of(repCells.Sum(c => c.Won), repCells.Sum(c => c.Won + c.Lost)), coaching.RepWinRate);
            Assert.Equivalent(coaching, rebuilt, strict: true);
        }
    }

    [Fact]
    public void Forecast_RebuiltFromPersistedState_SameAnswer()
    {
        var state = History(13, out var now);
        var filter = new MetricsFilter { From = DateOnly.FromDateTime(now.AddDays(-90).UtcDateTime), TeamId = "north" };
        var quotas = new Dictionary<string, decimal?>();

        var forecast = FunnelAggregates.Forecast(state, filter, quotas);

        Assert.Equivalent(forecast, FunnelAggregates.Forecast(Copy(state), filter, quotas), strict: true);
        Assert.Equal(
            Math.Round(state.Open.Values.Where(o => o.Dimensions.Team == "north").Sum(o => o.Weighted), 2),
            forecast.OpenNow);
        Assert.Equal(
            Cells(state, filter).Sum(c => c.WonAmount),
            forecast.Actual);
    }

    private static double? Conversion(List<FunnelCell> cells, string stageId)
    {
        var counters = cells.Select(c => c.Stages.GetValueOrDefault(stageId)).OfType<StageCounters>().ToList();
        return Rates.Of(counters.Sum(s => s.Advanced), counters.Sum(s => s.Exited));
    }

    /// <summary>The un-rolled computation: every fine cell of the period and scope.</summary>
    private static List<FunnelCell> Cells(FunnelState state, MetricsFilter filter) =>
        [.. state.Cells.Values.Where(c =>
            c.Day >= (filter.From?.DayNumber ?? int.MinValue) && c.Day <= (filter.To?.DayNumber ?? int.MaxValue)
            && (filter.RepId is null || c.Dimensions.Rep == filter.RepId) && (filter.TeamId is null || c.Dimensions.Team == filter.TeamId))];

    /// <summary>The state as storage hands it back: the persisted fields only, so the roll-ups are rebuilt from the cells.</summary>
    private static FunnelState Copy(FunnelState state) => new()
    {
        Cells = state.Cells, Applied = state.Applied, Open = state.Open,
        ForecastAtDayStart = state.ForecastAtDayStart, OpenValueAtDayStart = state.OpenValueAtDayStart,
    };
}
