using SalesCoach.Analytics;
using SalesCoach.Leads;

namespace SalesCoach.Bench;

/// <summary>
/// The baseline of <c>metrics</c>: the same answers computed the naive way, by reading every raw event
/// of the history for each query (no aggregates, no index), as a service without the funnel grain would.
/// </summary>
public static class NaiveScan
{
    public static FunnelMetrics Funnel(IReadOnlyList<LeadEventBatch> batches, IReadOnlyList<(string Id, string Name)> stages, MetricsFilter filter, DateTimeOffset now)
    {
        var totals = Scan(batches, filter, out var open);
        var stuckBefore = now.AddDays(-filter.StuckDays);
        var stuck = open.Values.Where(o => o.EnteredAt < stuckBefore && In(o.Dimensions, filter)).GroupBy(o => o.StageId).ToDictionary(g => g.Key, g => (long)g.Count());
        return new FunnelMetrics
        {
            Stages = [.. stages.Select(s =>
            {
                var c = totals.Stages.GetValueOrDefault(s.Id) ?? new Counters();
                return new StageFunnel
                {
                    Id = s.Id, Name = s.Name, Entered = c.Entered, Exited = c.Exited, Advanced = c.Advanced, Dropped = c.Lost,
                    Conversion = Rates.Of(c.Advanced, c.Exited), AvgDaysInStage = Rates.Average(c.Days, c.Exited), Stuck = stuck.GetValueOrDefault(s.Id),
                };
            })],
            Created = totals.Created,
            Won = totals.Won,
            Lost = totals.Lost,
            WinRate = Rates.Of(totals.Won, totals.Won + totals.Lost),
            WonAmount = totals.WonAmount,
            AvgDealSize = Rates.Average(totals.WonAmount, totals.Won),
            CycleDays = Rates.Average(totals.CycleDays, totals.Won + totals.Lost),
            AskToDecisionDays = Rates.Average(totals.AskDays, totals.AskCount),
        };
    }

    /// <summary>The rep against the team, weakest stage as the funnel grain defines it (largest shortfall, else the rep's lowest).</summary>
    public static CoachingMetrics Coaching(IReadOnlyList<LeadEventBatch> batches, IReadOnlyList<(string Id, string Name)> stages, string repId, MetricsFilter filter)
    {
        var rep = Scan(batches, filter with { RepId = repId, TeamId = null }, out _);
        var team = Scan(batches, filter with { RepId = null }, out _);
        var rows = stages.Select(s =>
        {
            var r = rep.Stages.GetValueOrDefault(s.Id) ?? new Counters();
            var t = team.Stages.GetValueOrDefault(s.Id) ?? new Counters();
            return new StageCoaching
            {
                Id = s.Id, Name = s.Name, RepExits = r.Exited,
                RepConversion = Rates.Of(r.Advanced, r.Exited), TeamConversion = Rates.Of(t.Advanced, t.Exited),
                RepDaysInStage = Rates.Average(r.Days, r.Exited), TeamDaysInStage = Rates.Average(t.Days, t.Exited),
            };
        }).ToList();
        var weakest = rows.Where(r => r.RepConversion is not null && r.TeamConversion is not null)
            .OrderByDescending(r => r.TeamConversion!.Value - r.RepConversion!.Value).ThenBy(r => r.RepConversion).FirstOrDefault();
        return new CoachingMetrics
        {
            RepId = repId, Stages = rows, WeakestStage = weakest?.Id,
            RepWinRate = Rates.Of(rep.Won, rep.Won + rep.Lost), TeamWinRate = Rates.Of(team.Won, team.Won + team.Lost),
        };
    }

    private static Totals Scan(IReadOnlyList<LeadEventBatch> batches, MetricsFilter filter, out Dictionary<string, OpenLead> open)
    {
        var from = filter.From?.DayNumber ?? int.MinValue;
        var to = filter.To?.DayNumber ?? int.MaxValue;
        var totals = new Totals();
        open = new Dictionary<string, OpenLead>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            if (batch.Open is { } o)
            {
                open[batch.LeadId] = o;
            }
            else
            {
                open.Remove(batch.LeadId);
            }

            var day = DateOnly.FromDateTime(batch.At.UtcDateTime).DayNumber;
            if (day < from || day > to || !In(batch.Dimensions, filter))
            {
                continue;
            }

            foreach (var e in batch.Events)
            {
                totals.Count(e);
            }
        }

        return totals;
    }

    private static bool In(LeadDimensions d, MetricsFilter filter) =>
        (filter.RepId is null || d.Rep == filter.RepId) && (filter.TeamId is null || d.Team == filter.TeamId);

    private sealed class Counters
    {
        public long Entered, Exited, Advanced, Lost;
        public double Days;
    }

    private sealed class Totals
    {
        public readonly Dictionary<string, Counters> Stages = new(StringComparer.Ordinal);
        public long Created, Won, Lost, AskCount;
        public decimal WonAmount;
        public double CycleDays, AskDays;

        public void Count(LeadEvent e)
        {
            switch (e.Kind)
            {
                case LeadEventKind.Created:
                    Created++;
                    break;
                case LeadEventKind.StageEntered:
                    Stage(e.StageId!).Entered++;
                    break;
                case LeadEventKind.StageExited:
                    var s = Stage(e.StageId!);
                    s.Exited++;
                    s.Days += e.Days;
                    s.Advanced += e.Forward ? 1 : 0;
                    s.Lost += e.Exit == StageExit.Lost ? 1 : 0;
                    break;
                case LeadEventKind.Won or LeadEventKind.Lost:
                    Won += e.Kind == LeadEventKind.Won ? 1 : 0;
                    Lost += e.Kind == LeadEventKind.Lost ? 1 : 0;
                    WonAmount += e.Amount ?? 0;
                    CycleDays += e.CycleDays ?? 0;
                    if (e.AskDays is { } ask)
                    {
                        AskDays += ask;
                        AskCount++;
                    }

                    break;
            }
        }

        private Counters Stage(string id) => Stages.TryGetValue(id, out var c) ? c : Stages[id] = new Counters();
    }
}
