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

        var day = DayOf(batch.At);
        if (!state.ForecastAtDayStart.ContainsKey(day))
        {
            state.ForecastAtDayStart[day] = WeightedByRep(state.Open.Values);
        }

        var cell = CellFor(state, day, batch.Dimensions);
        foreach (var e in batch.Events)
        {
            Count(cell, e);
        }

        if (batch.Open is { } open)
        {
            state.Open[batch.LeadId] = open;
        }
        else
        {
            state.Open.Remove(batch.LeadId);
        }

        state.Applied[batch.LeadId] = batch.Seq;
        return true;
    }

    public static FunnelMetrics Funnel(FunnelState state, IReadOnlyList<(string Id, string Name)> stages, MetricsFilter filter, DateTimeOffset now)
    {
        var cells = Select(state, filter).ToList();
        var byStage = SumStages(cells);
        var open = OpenIn(state, filter).ToList();
        var rows = Ordered(stages, byStage.Keys).Select(s =>
        {
            var c = byStage.GetValueOrDefault(s.Id) ?? new StageCounters();
            return new StageFunnel
            {
                Id = s.Id,
                Name = s.Name,
                Entered = c.Entered,
                Exited = c.Exited,
                Advanced = c.Advanced,
                Dropped = c.Lost,
                Conversion = Rates.Of(c.Advanced, c.Exited),
                AvgDaysInStage = Rates.Average(c.DaysSum, c.Exited),
                Stuck = open.Count(o => o.StageId == s.Id && (now - o.EnteredAt).TotalDays > filter.StuckDays),
            };
        });

        long won = cells.Sum(c => c.Won), lost = cells.Sum(c => c.Lost);
        var wonAmount = cells.Sum(c => c.WonAmount);
        return new FunnelMetrics
        {
            Stages = [.. rows],
            Created = cells.Sum(c => c.Created),
            Won = won,
            Lost = lost,
            WinRate = Rates.Of(won, won + lost),
            WonAmount = wonAmount,
            AvgDealSize = Rates.Average(wonAmount, won),
            CycleDays = Rates.Average(cells.Sum(c => c.CycleDaysSum), won + lost),
            AskToDecisionDays = Rates.Average(cells.Sum(c => c.AskDaysSum), cells.Sum(c => c.AskCount)),
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
    /// when the period starts after the last event, or has no start), against the amount won in the period.
    /// </summary>
    public static ForecastMetrics Forecast(FunnelState state, MetricsFilter filter, IReadOnlyDictionary<string, decimal?> quotas)
    {
        var now = WeightedByRep(OpenIn(state, filter));
        var start = now;
        if (filter.From is { } from)
        {
            var firstDay = state.ForecastAtDayStart.Keys.Where(d => d >= from.DayNumber).DefaultIfEmpty(int.MaxValue).Min();
            if (firstDay != int.MaxValue && (filter.To is null || firstDay <= filter.To.Value.DayNumber))
            {
                start = state.ForecastAtDayStart[firstDay]
                    .Where(kv => Matches(SplitRepKey(kv.Key), filter))
                    .ToDictionary(kv => kv.Key, kv => kv.Value);
            }
        }

        var forecastByRep = start.GroupBy(kv => SplitRepKey(kv.Key).Rep).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        var wonByRep = Select(state, filter).GroupBy(c => c.Dimensions.Rep).ToDictionary(g => g.Key, g => g.Sum(c => c.WonAmount));
        var forecast = Math.Round(forecastByRep.Values.Sum(), 2);
        var actual = wonByRep.Values.Sum();
        var reps = forecastByRep.Keys.Union(wonByRep.Keys).Order(StringComparer.Ordinal).Select(rep =>
        {
            var quota = quotas.GetValueOrDefault(rep);
            var won = wonByRep.GetValueOrDefault(rep);
            return new RepForecast
            {
                RepId = rep,
                Quota = quota,
                Won = won,
                Forecast = Math.Round(forecastByRep.GetValueOrDefault(rep), 2),
                Attainment = quota is { } q ? Rates.Of(won, q) : null,
            };
        });
        return new ForecastMetrics
        {
            Forecast = forecast,
            Actual = actual,
            Accuracy = forecast <= 0 ? null : Math.Round(Math.Max(0, 1 - (double)(Math.Abs(actual - forecast) / forecast)), 4),
            Reps = [.. reps],
            OpenNow = Math.Round(now.Values.Sum(), 2),
        };
    }

    /// <summary>The reps a forecast would list, so the caller can look up their quotas first.</summary>
    public static IReadOnlySet<string> ForecastReps(FunnelState state, MetricsFilter filter) =>
        state.ForecastAtDayStart.Values.SelectMany(d => d.Keys).Select(k => SplitRepKey(k))
            .Where(d => Matches(d, filter)).Select(d => d.Rep)
            .Concat(Select(state, filter).Select(c => c.Dimensions.Rep))
            .Concat(OpenIn(state, filter).Select(o => o.Dimensions.Rep))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The rep against their team (the filter's team, else the team of the rep's latest work, else the
    /// whole pipeline). The weakest stage: the largest conversion shortfall against the team, or, when the
    /// rep is at or above the team everywhere, the rep's lowest conversion.
    /// </summary>
    public static CoachingMetrics Coaching(FunnelState state, IReadOnlyList<(string Id, string Name)> stages, string repId, MetricsFilter filter)
    {
        var period = Select(state, filter with { RepId = null, TeamId = null }).ToList();
        var repCells = period.Where(c => c.Dimensions.Rep == repId).ToList();
        var teamId = filter.TeamId
            ?? state.Cells.Values.Where(c => c.Dimensions.Rep == repId).OrderByDescending(c => c.Day).Select(c => c.Dimensions.Team).FirstOrDefault();
        var teamCells = teamId is null ? period : period.Where(c => c.Dimensions.Team == teamId).ToList();
        var rep = SumStages(repCells);
        var team = SumStages(teamCells);
        var rows = Ordered(stages, rep.Keys.Union(team.Keys)).Select(s =>
        {
            var r = rep.GetValueOrDefault(s.Id) ?? new StageCounters();
            var t = team.GetValueOrDefault(s.Id) ?? new StageCounters();
            return new StageCoaching
            {
                Id = s.Id,
                Name = s.Name,
                RepExits = r.Exited,
                RepConversion = Rates.Of(r.Advanced, r.Exited),
                TeamConversion = Rates.Of(t.Advanced, t.Exited),
                RepDaysInStage = Rates.Average(r.DaysSum, r.Exited),
                TeamDaysInStage = Rates.Average(t.DaysSum, t.Exited),
            };
        }).ToList();

        var compared = rows.Where(r => r.RepConversion is not null && r.TeamConversion is not null).ToList();
        var weakest = compared
            .OrderByDescending(r => r.TeamConversion!.Value - r.RepConversion!.Value)
            .ThenBy(r => r.RepConversion)
            .FirstOrDefault();
        long repWon = repCells.Sum(c => c.Won), repLost = repCells.Sum(c => c.Lost);
        long teamWon = teamCells.Sum(c => c.Won), teamLost = teamCells.Sum(c => c.Lost);
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
                Closed(cell, e);
                break;
            case LeadEventKind.Lost:
                cell.Lost++;
                Closed(cell, e);
                break;
        }
    }

    private static void Closed(FunnelCell cell, LeadEvent e)
    {
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

    private static bool Matches(LeadDimensions d, MetricsFilter filter) =>
        (filter.RepId is null || d.Rep == filter.RepId) && (filter.TeamId is null || d.Team == filter.TeamId);

    private static Dictionary<string, StageCounters> SumStages(IEnumerable<FunnelCell> cells)
    {
        var sums = new Dictionary<string, StageCounters>(StringComparer.Ordinal);
        foreach (var (stageId, counters) in cells.SelectMany(c => c.Stages))
        {
            if (!sums.TryGetValue(stageId, out var sum))
            {
                sums[stageId] = sum = new StageCounters();
            }

            sum.Add(counters);
        }

        return sums;
    }

    /// <summary>The pipeline's stages in order, then any stage only older versions had.</summary>
    private static IEnumerable<(string Id, string Name)> Ordered(IReadOnlyList<(string Id, string Name)> stages, IEnumerable<string> seen) =>
        stages.Concat(seen.Where(id => !stages.Any(s => s.Id == id)).Order(StringComparer.Ordinal).Select(id => (id, id)));

    private static Dictionary<string, decimal> WeightedByRep(IEnumerable<OpenLead> open) =>
        open.GroupBy(o => $"{o.Dimensions.Rep}|{o.Dimensions.Team}").ToDictionary(g => g.Key, g => g.Sum(o => o.Weighted));

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
