using SalesCoach.Analytics;
using SalesCoach.Leads;

namespace SalesCoach.Bench;

/// <summary>
/// A synthetic year of lead events for <c>metrics</c>: leads created evenly over 365 days, each walking a
/// 5-stage pipeline one batch per step (created + entered; exited + entered + a task done; … won or lost
/// with the stages passed) until it closes or the year ends; 200 reps in 20 teams, 2 products × 3
/// territories × 3 sources. Whole-day stage durations, so sums are exact in any order. Per lead the
/// batches are in sequence order.
/// </summary>
public sealed class LeadEventHistory
{
    public const int Reps = 200;
    public const int Days = 365;
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Products = ["crm", "support"];
    private static readonly string[] Territories = ["EMEA", "AMER", "APAC"];
    private static readonly string[] Sources = ["web", "referral", "event"];

    public List<LeadEventBatch> Batches { get; } = [];
    public long Events { get; private set; }
    public int Leads { get; private set; }
    public DateTimeOffset End => Start.AddDays(Days);

    public static string Rep(int i) => $"rep-{i:000}";

    public static string Team(int rep) => $"team-{rep / 10:00}";

    public static LeadEventHistory Generate(long events, IReadOnlyList<string> stages, int seed = 7)
    {
        var random = new Random(seed);
        var history = new LeadEventHistory();
        var perDay = Math.Max(1, (int)(events / 10 / Days)); // ~10 events per lead
        var created = 0;
        for (var lead = 0; history.Events < events; lead++)
        {
            var day = Math.Min(Days - 1, (lead / perDay) + random.Next(0, 3));
            var rep = random.Next(Reps);
            var dims = new LeadDimensions
            {
                Rep = Rep(rep), Team = Team(rep), Product = Products[random.Next(Products.Length)],
                Territory = Territories[random.Next(Territories.Length)], Source = Sources[random.Next(Sources.Length)],
            };
            var id = $"lead-{lead:0000000}";
            var value = 1000m * random.Next(5, 100);
            var at = Start.AddDays(day).AddMinutes(random.Next(0, 600));
            var createdAt = at;
            var seq = 0L;
            var stage = 0;
            var entered = at;
            history.Add(id, ++seq, at, dims, Open(dims, stages[0], at, value, stage),
                new LeadEvent { Kind = LeadEventKind.Created, At = at }, new LeadEvent { Kind = LeadEventKind.StageEntered, At = at, StageId = stages[0] });
            created++;
            while (history.Events < events)
            {
                var days = random.Next(1, 11);
                at = entered.AddDays(days);
                if (at >= history.End)
                {
                    break; // still open at the end of the year
                }

                var movesOn = random.NextDouble() < 0.7;
                var last = stage == stages.Count - 1;
                var exit = new LeadEvent
                {
                    Kind = LeadEventKind.StageExited, At = at, StageId = stages[stage], Days = days, Forward = movesOn,
                    Exit = !movesOn ? StageExit.Lost : last ? StageExit.Won : StageExit.Goal,
                };
                var task = new LeadEvent { Kind = LeadEventKind.TaskDone, At = at, StageId = stages[stage], OnTime = random.Next(3) > 0 };
                if (!movesOn || last)
                {
                    history.Add(id, ++seq, at, dims, null, task, exit, new LeadEvent
                    {
                        Kind = movesOn ? LeadEventKind.Won : LeadEventKind.Lost, At = at, StageId = stages[stage],
                        Amount = movesOn ? value : null, CycleDays = (at - createdAt).TotalDays, PassedStages = [.. stages.Take(stage + 1)],
                    });
                    break;
                }

                stage++;
                entered = at;
                history.Add(id, ++seq, at, dims, Open(dims, stages[stage], at, value, stage),
                    task, exit, new LeadEvent { Kind = LeadEventKind.StageEntered, At = at, StageId = stages[stage] });
            }
        }

        history.Leads = created;
        return history;
    }

    private static OpenLead Open(LeadDimensions dims, string stageId, DateTimeOffset entered, decimal value, int stage) =>
        new() { Dimensions = dims, StageId = stageId, EnteredAt = entered, Value = value, Probability = 0.1 + (0.2 * stage) };

    private void Add(string lead, long seq, DateTimeOffset at, LeadDimensions dims, OpenLead? open, params LeadEvent[] events)
    {
        Batches.Add(new LeadEventBatch { LeadId = lead, Seq = seq, At = at, Dimensions = dims, Events = events, Open = open });
        Events += events.Length;
    }
}
