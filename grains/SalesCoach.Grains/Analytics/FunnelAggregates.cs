using SalesCoach.Leads;

namespace SalesCoach.Analytics;

/// <summary>
/// The analytics math, plain code over <see cref="FunnelState"/>: applying a lead's batch to the
/// counters, and reading the metrics of a slice. The grain persists and orchestrates.
/// </summary>
public static class FunnelAggregates
{
    public const string None = "(none)";

    /// <summary>Applies a batch in order: true when applied or a repeat, false when a batch before it is missing.</summary>
    public static bool Apply(FunnelState state, LeadEventBatch batch)
    {
        var applied = state.Applied.GetValueOrDefault(batch.LeadId);
        if (batch.Seq <= applied)
        {
            return true;
        }

        if (batch.Seq != applied + 1)
        {
            return false;
        }

        var rollups = state.Rollups();
        var day = DayOf(batch.At);
        if (!state.ForecastAtDayStart.ContainsKey(day))
        {
            (state.ForecastAtDayStart[day], state.OpenValueAtDayStart[day]) = rollups.Snapshot();
        }

        // The batch's counters once, then added to its cell and to every roll-up it belongs to.
        var delta = new FunnelCell();
        foreach (var e in batch.Events)
        {
            Count(delta, e);
        }

        CellFor(state, day, batch.Dimensions).Add(delta);
        rollups.Add(day, batch.Dimensions, delta);
        if (state.Open.Remove(batch.LeadId, out var was))
        {
            rollups.Closed(batch.LeadId, was);
        }

        if (batch.Open is { } open)
        {
            state.Open[batch.LeadId] = open;
            rollups.Opened(batch.LeadId, open);
        }

        state.Applied[batch.LeadId] = batch.Seq;
        return true;
    }

    public static FunnelMetrics Funnel(FunnelState state, IReadOnlyList<(string Id, string Name)> stages, MetricsFilter filter, DateTimeOffset now)
    {
        var rollups = state.Rollups();
        var sum = rollups.Sum(filter);
        var stuck = rollups.OpenBefore(filter, now.AddDays(-filter.StuckDays), state);
        var rows = Ordered(stages, sum.Stages.Keys).Select(s =>
        {
            var c = sum.Stages.GetValueOrDefault(s.Id) ?? new StageCounters();
            return new StageFunnel
            {
                Id = s.Id,
                Name = s.Name,
                Entered = c.Entered,
                Exited = c.Exited,
                Advanced = c.Advanced,
                Dropped = c.Lost,
                Conversion = c.Conversion,
                AvgDaysInStage = c.AvgDays,
                Stuck = stuck.GetValueOrDefault(s.Id),
            };
        });

        return new FunnelMetrics
        {
            Stages = [.. rows],
            Created = sum.Created,
            Won = sum.Won,
            Lost = sum.Lost,
            WinRate = Rates.Of(sum.Won, sum.Won + sum.Lost),
            WonAmount = sum.WonAmount,
            AvgDealSize = Rates.Average(sum.WonAmount, sum.Won),
            CycleDays = Rates.Average(sum.CycleDaysSum, sum.Won + sum.Lost),
            AskToDecisionDays = Rates.Average(sum.AskDaysSum, sum.AskCount),
        };
    }

    public static AdoptionMetrics Adoption(FunnelState state, MetricsFilter filter)
    {
        var cells = Select(state, filter).ToList();
        var stages = cells.SelectMany(c => c.Stages.Values).ToList();
        long goal = stages.Sum(s => s.GoalExits), manual = stages.Sum(s => s.ManualExits);
        long done = cells.Sum(c => c.TasksDone), skipped = cells.Sum(c => c.TasksSkipped);
        var active = cells.Where(c => c.Active).Select(c => c.Dimensions.Rep).Distinct().Count();
        var reps = filter.RepId is not null
            ? 1
            : Select(state, filter with { From = null, To = null }).Select(c => c.Dimensions.Rep)
                .Concat(OpenIn(state, filter).Select(o => o.Dimensions.Rep)).Distinct().Count();
        return new AdoptionMetrics
        {
            GoalExits = goal,
            ManualExits = manual,
            GoalExitShare = Rates.Of(goal, goal + manual),
            TasksDone = done,
            TasksDoneOnTime = cells.Sum(c => c.TasksDoneOnTime),
            TasksSkipped = skipped,
            TasksSkippedOverdue = cells.Sum(c => c.TasksSkippedOverdue),
            TaskCompletionShare = Rates.Of(done, done + skipped),
            ActiveReps = active,
            Reps = reps,
            ActiveRepShare = Rates.Of(active, reps),
        };
    }

    public static IReadOnlyList<DealSizeRow> DealSize(FunnelState state, MetricsFilter filter, DealSizeBy by) =>
        [.. Select(state, filter)
            .GroupBy(c => KeyOf(c.Dimensions, by) ?? None, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Won: g.Sum(c => c.Won), Amount: g.Sum(c => c.WonAmount)))
            .Where(g => g.Won > 0)
            .OrderByDescending(g => g.Amount).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DealSizeRow { Key = g.Key, Won = g.Won, WonAmount = g.Amount, AvgDealSize = Rates.Average(g.Amount, g.Won) })];

    /// <summary>
    /// The forecast as it stood at the start of <see cref="MetricsFilter.From"/> (the open pipeline now
    /// when the period starts after the last event, or has no start), against the amount won in the period;
    /// once by stage probability, once by each stage's historical stage-to-win rate over the whole pipeline's
    /// leads closed before the period (<paramref name="stages"/>: the pipeline's stages in order with their
    /// configured probability, the fallback for a stage no closed lead has been in).
    /// </summary>
    public static ForecastMetrics Forecast(
        FunnelState state, MetricsFilter filter, IReadOnlyDictionary<string, decimal?> quotas,
        IReadOnlyList<(string Id, string Name, double? Probability)>? stages = null)
    {
        var rollups = state.Rollups();
        var now = rollups.OpenWeighted(filter);
        var nowValue = rollups.OpenValue(filter);
        var start = now;
        var startValue = nowValue;
        if (filter.From is { } from)
        {
            var firstDay = state.ForecastAtDayStart.Keys.Where(d => d >= from.DayNumber).DefaultIfEmpty(int.MaxValue).Min();
            if (firstDay != int.MaxValue && (filter.To is null || firstDay <= filter.To.Value.DayNumber))
            {
                start = state.ForecastAtDayStart[firstDay]
                    .Where(kv => Matches(SplitRepKey(kv.Key), filter))
                    .ToDictionary(kv => kv.Key, kv => kv.Value);

                // Days recorded before the per-stage snapshot existed have none: the open pipeline now stands in.
                startValue = state.OpenValueAtDayStart.TryGetValue(firstDay, out var snapshot)
                    ? snapshot.Where(kv => Matches(SplitRepKey(kv.Key), filter)).ToDictionary(kv => kv.Key, kv => kv.Value)
                    : nowValue;
            }
        }

        var rates = WinRates(rollups, stages ?? [], filter.From is { } f ? f.AddDays(-1) : null, startValue.Values.SelectMany(v => v.Keys));
        var ratesNow = filter.From is null ? rates : WinRates(rollups, stages ?? [], null, nowValue.Values.SelectMany(v => v.Keys));
        var forecastByRep = start.GroupBy(kv => SplitRepKey(kv.Key).Rep).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        var historicalByRep = startValue.GroupBy(kv => SplitRepKey(kv.Key).Rep).ToDictionary(g => g.Key, g => g.Sum(kv => ByHistory(kv.Value, rates)));
        var wonByRep = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var rep in rollups.Reps(filter))
        {
            var sum = rollups.Sum(filter with { RepId = rep }, out var any);
            if (any)
            {
                wonByRep[rep] = sum.WonAmount;
            }
        }

        var forecast = Math.Round(forecastByRep.Values.Sum(), 2);
        var historical = Math.Round(historicalByRep.Values.Sum(), 2);
        var actual = wonByRep.Values.Sum();
        var reps = forecastByRep.Keys.Union(wonByRep.Keys).Union(historicalByRep.Keys).Order(StringComparer.Ordinal).Select(rep =>
        {
            var quota = quotas.GetValueOrDefault(rep);
            var won = wonByRep.GetValueOrDefault(rep);
            return new RepForecast
            {
                RepId = rep,
                Quota = quota,
                Won = won,
                Forecast = Math.Round(forecastByRep.GetValueOrDefault(rep), 2),
                HistoricalForecast = Math.Round(historicalByRep.GetValueOrDefault(rep), 2),
                Attainment = quota is { } q ? Rates.Of(won, q) : null,
            };
        });
        return new ForecastMetrics
        {
            Forecast = forecast,
            Actual = actual,
            Accuracy = Accuracy(forecast, actual),
            Reps = [.. reps],
            OpenNow = Math.Round(now.Values.Sum(), 2),
            HistoricalForecast = historical,
            HistoricalAccuracy = Accuracy(historical, actual),
            HistoricalOpenNow = Math.Round(nowValue.Values.Sum(v => ByHistory(v, ratesNow)), 2),
            StageWinRates = rates,
        };
    }

    /// <summary>The reps a forecast would list (a superset), so the caller can look up their quotas first.</summary>
    public static IReadOnlySet<string> ForecastReps(FunnelState state, MetricsFilter filter)
    {
        var rollups = state.Rollups();
        return rollups.EverOpen(filter).Select(d => d.Rep).Concat(rollups.Reps(filter)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Per stage: of the pipeline's leads closed up to <paramref name="through"/> (all when null) that had
    /// been in the stage, the share won; else the configured probability; else 0.
    /// </summary>
    private static List<StageWinRate> WinRates(
        FunnelRollups rollups, IReadOnlyList<(string Id, string Name, double? Probability)> stages, DateOnly? through, IEnumerable<string> openStages)
    {
        var history = rollups.Sum(new MetricsFilter { To = through }).Stages;
        var known = stages.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var others = history.Keys.Concat(openStages).Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. stages.Concat(others.Select(id => (Id: id, Name: id, Probability: (double?)null))).Select(s =>
        {
            var c = history.GetValueOrDefault(s.Id);
            var (closed, won) = (c?.ClosedAfter ?? 0, c?.WonAfter ?? 0);
            var basis = closed > 0 ? StageWinRate.History : s.Probability is not null ? StageWinRate.Probability : StageWinRate.None;
            return new StageWinRate
            {
                Id = s.Id,
                Name = s.Name,
                Closed = closed,
                Won = won,
                WinRate = Rates.Of(won, closed),
                Rate = basis switch
                {
                    StageWinRate.History => Math.Round((double)won / closed, 4),
                    StageWinRate.Probability => s.Probability!.Value,
                    _ => 0,
                },
                Basis = basis,
            };
        })];
    }

    /// <summary>Σ open value per stage × the stage's rate; a historical rate is applied as won ÷ closed, exactly.</summary>
    private static decimal ByHistory(Dictionary<string, decimal> valueByStage, List<StageWinRate> rates) =>
        valueByStage.Sum(kv => rates.Find(r => r.Id == kv.Key) is { } r
            ? r.Basis == StageWinRate.History ? kv.Value * r.Won / r.Closed : kv.Value * (decimal)r.Rate
            : 0);

    private static double? Accuracy(decimal forecast, decimal actual) =>
        forecast <= 0 ? null : Math.Round(Math.Max(0, 1 - (double)(Math.Abs(actual - forecast) / forecast)), 4);

    /// <summary>
    /// The rep against their team (the filter's team, else the team of the rep's latest work, else the
    /// whole pipeline). The weakest stage: the largest conversion shortfall against the team, or, when the
    /// rep is at or above the team everywhere, the rep's lowest conversion.
    /// </summary>
    public static CoachingMetrics Coaching(FunnelState state, IReadOnlyList<(string Id, string Name)> stages, string repId, MetricsFilter filter)
    {
        var rollups = state.Rollups();
        var period = filter with { RepId = null, TeamId = null };
        var repCells = rollups.Sum(period with { RepId = repId });
        var teamId = filter.TeamId ?? rollups.LatestTeam(repId);
        var teamCells = rollups.Sum(period with { TeamId = teamId });
        var rep = repCells.Stages;
        var team = teamCells.Stages;
        var rows = Ordered(stages, rep.Keys.Union(team.Keys)).Select(s =>
        {
            var r = rep.GetValueOrDefault(s.Id) ?? new StageCounters();
            var t = team.GetValueOrDefault(s.Id) ?? new StageCounters();
            return new StageCoaching
            {
                Id = s.Id,
                Name = s.Name,
                RepExits = r.Exited,
                RepConversion = r.Conversion,
                TeamConversion = t.Conversion,
                RepDaysInStage = r.AvgDays,
                TeamDaysInStage = t.AvgDays,
            };
        }).ToList();

        var compared = rows.Where(r => r.RepConversion is not null && r.TeamConversion is not null).ToList();
        var weakest = compared
            .OrderByDescending(r => r.TeamConversion!.Value - r.RepConversion!.Value)
            .ThenBy(r => r.RepConversion)
            .FirstOrDefault();
        long repWon = repCells.Won, repLost = repCells.Lost;
        long teamWon = teamCells.Won, teamLost = teamCells.Lost;
        return new CoachingMetrics
        {
            RepId = repId,
            Stages = rows,
            WeakestStage = weakest?.Id,
            RepWinRate = Rates.Of(repWon, repWon + repLost),
            TeamWinRate = Rates.Of(teamWon, teamWon + teamLost),
        };
    }

    public static int DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    private static void Count(FunnelCell cell, LeadEvent e)
    {
        switch (e.Kind)
        {
            case LeadEventKind.Created:
                cell.Created++;
                break;
            case LeadEventKind.StageEntered:
                cell.Stage(e.StageId!).Entered++;
                break;
            case LeadEventKind.StageExited:
                var stage = cell.Stage(e.StageId!);
                stage.Exited++;
                stage.DaysSum += e.Days;
                stage.Advanced += e.Forward ? 1 : 0;
                switch (e.Exit)
                {
                    case StageExit.Goal: stage.GoalExits++; break;
                    case StageExit.Manual: stage.ManualExits++; break;
                    case StageExit.Won: stage.Won++; break;
                    case StageExit.Lost: stage.Lost++; break;
                }

                break;
            case LeadEventKind.TaskDone:
                cell.TasksDone++;
                cell.TasksDoneOnTime += e.OnTime ? 1 : 0;
                break;
            case LeadEventKind.TaskSkipped:
                cell.TasksSkipped++;
                cell.TasksSkippedOverdue += e.OnTime ? 0 : 1;
                break;
            case LeadEventKind.Activity:
                cell.Activities++;
                break;
            case LeadEventKind.Won:
                cell.Won++;
                cell.WonAmount += e.Amount ?? 0;
                Closed(cell, e, won: true);
                break;
            case LeadEventKind.Lost:
                cell.Lost++;
                Closed(cell, e, won: false);
                break;
        }
    }

    private static void Closed(FunnelCell cell, LeadEvent e, bool won)
    {
        // The stage-to-win rate: counted on the close, for every stage the lead had been in.
        foreach (var stageId in e.PassedStages ?? [])
        {
            var stage = cell.Stage(stageId);
            stage.ClosedAfter++;
            stage.WonAfter += won ? 1 : 0;
        }

        cell.CycleDaysSum += e.CycleDays ?? 0;
        if (e.AskDays is { } ask)
        {
            cell.AskDaysSum += ask;
            cell.AskCount++;
        }
    }

    private static FunnelCell CellFor(FunnelState state, int day, LeadDimensions d)
    {
        var key = $"{day}|{d.Rep}|{d.Team}|{d.Product}|{d.Territory}|{d.Source}";
        return state.Cells.TryGetValue(key, out var cell) ? cell : state.Cells[key] = new FunnelCell { Day = day, Dimensions = d };
    }

    private static IEnumerable<FunnelCell> Select(FunnelState state, MetricsFilter filter)
    {
        var from = filter.From?.DayNumber ?? int.MinValue;
        var to = filter.To?.DayNumber ?? int.MaxValue;
        return state.Cells.Values.Where(c => c.Day >= from && c.Day <= to && Matches(c.Dimensions, filter));
    }

    private static IEnumerable<OpenLead> OpenIn(FunnelState state, MetricsFilter filter) =>
        state.Open.Values.Where(o => Matches(o.Dimensions, filter));

    internal static bool Matches(LeadDimensions d, MetricsFilter filter) =>
        (filter.RepId is null || d.Rep == filter.RepId) && (filter.TeamId is null || d.Team == filter.TeamId);

    /// <summary>The pipeline's stages in order, then any stage only older versions had.</summary>
    private static IEnumerable<(string Id, string Name)> Ordered(IReadOnlyList<(string Id, string Name)> stages, IEnumerable<string> seen) =>
        stages.Concat(seen.Where(id => !stages.Any(s => s.Id == id)).Order(StringComparer.Ordinal).Select(id => (id, id)));

    private static LeadDimensions SplitRepKey(string key)
    {
        var bar = key.LastIndexOf('|');
        return new LeadDimensions { Rep = key[..bar], Team = bar == key.Length - 1 ? null : key[(bar + 1)..] };
    }

    private static string? KeyOf(LeadDimensions d, DealSizeBy by) => by switch
    {
        DealSizeBy.Rep => d.Rep,
        DealSizeBy.Team => d.Team,
        DealSizeBy.Product => d.Product,
        DealSizeBy.Territory => d.Territory,
        _ => d.Source,
    };
}
