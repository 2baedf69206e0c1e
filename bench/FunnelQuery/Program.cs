using System.Diagnostics;
using SalesCoach.Analytics;
using SalesCoach.Leads;

// How long a funnel query takes over the aggregates of N lead events (default 1,000,000):
// synthetic batches (one event each) for 200 reps in 20 teams, 2 products, 3 territories,
// 3 sources, 5 stages over 365 days, applied with FunnelAggregates as the funnel grain does.
// Measured, not asserted: dotnet run -c Release --project bench/FunnelQuery [-- events]
var events = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var random = new Random(7);
string[] stages = ["qualify", "meet", "demo", "propose", "negotiate"];
string[] products = ["crm", "support"];
string[] territories = ["EMEA", "AMER", "APAC"];
string[] sources = ["web", "referral", "event"];
var start = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
var state = new FunnelState();
var seq = new Dictionary<string, long>();
var clock = Stopwatch.StartNew();
for (var i = 0; i < events; i++)
{
    var lead = $"lead-{random.Next(events / 8)}";
    var rep = random.Next(200);
    var stage = stages[random.Next(stages.Length)];
    var dims = new LeadDimensions
    {
        Rep = $"rep-{rep}", Team = $"team-{rep / 10}", Product = products[random.Next(2)],
        Territory = territories[random.Next(3)], Source = sources[random.Next(3)],
    };
    LeadEvent e = random.Next(4) switch
    {
        0 => new() { Kind = LeadEventKind.StageEntered, StageId = stage },
        1 => new() { Kind = LeadEventKind.StageExited, StageId = stage, Exit = StageExit.Goal, Forward = true, Days = random.Next(1, 10) },
        2 => new() { Kind = LeadEventKind.TaskDone, StageId = stage, OnTime = random.Next(2) == 0 },
        _ => new() { Kind = LeadEventKind.Won, StageId = stage, Amount = 1000 * random.Next(5, 100), CycleDays = random.Next(10, 90) },
    };
    var next = seq[lead] = seq.GetValueOrDefault(lead) + 1;
    FunnelAggregates.Apply(state, new LeadEventBatch
    {
        LeadId = lead, Seq = next, At = start.AddMinutes(i * (365.0 * 24 * 60 / events)), Dimensions = dims, Events = [e],
        Open = new OpenLead { Dimensions = dims, StageId = stage, EnteredAt = start, Value = 10_000, Probability = 0.5 },
    });
}

var applied = clock.Elapsed;
var stageNames = stages.Select(s => (s, s)).ToList();
var filters = new (string Name, MetricsFilter Filter)[]
{
    ("all", new MetricsFilter()),
    ("one quarter", new MetricsFilter { From = new DateOnly(2026, 4, 1), To = new DateOnly(2026, 6, 30) }),
    ("one team, one quarter", new MetricsFilter { From = new DateOnly(2026, 4, 1), To = new DateOnly(2026, 6, 30), TeamId = "team-3" }),
    ("one rep", new MetricsFilter { RepId = "rep-42" }),
};
Console.WriteLine($"{events:N0} events applied in {applied.TotalSeconds:0.0} s → {state.Cells.Count:N0} cells, {state.Open.Count:N0} open leads");
foreach (var (name, filter) in filters)
{
    FunnelAggregates.Funnel(state, stageNames, filter, start.AddDays(365)); // warm up
    clock.Restart();
    const int runs = 10;
    for (var r = 0; r < runs; r++)
    {
        FunnelAggregates.Funnel(state, stageNames, filter, start.AddDays(365));
    }

    Console.WriteLine($"funnel query, {name,-22} {clock.Elapsed.TotalMilliseconds / runs,8:0.0} ms");
}
