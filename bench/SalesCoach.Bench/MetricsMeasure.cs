using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using SalesCoach.Analytics;
using SalesCoach.Common;

namespace SalesCoach.Bench;

/// <summary>
/// <c>metrics</c> (issue 8, figure 4): N lead events (default 1,000,000) applied through the real funnel
/// grain (<see cref="IFunnelGrain.ApplyAsync"/>, one call per batch, leads in parallel), then funnel
/// queries (all, one team, one rep, a quarter) and the coaching query timed through the grain, p50/p99
/// over many queries, against a naive scan of the same raw events computing the same answer in the same
/// run. Every scanned answer is compared with the grain's for the same filter; a difference fails the run.
/// The forecast (the funnel card's other query) is timed too, with every rep's profile carrying a quota;
/// it has no naive scan of its own and no goal in the issue.
/// </summary>
public static class MetricsMeasure
{
    private const string PipelineId = "metrics";

    public static async Task<int> RunAsync(Options options)
    {
        var events = options.Int("events", 1_000_000);
        var queries = options.Int("queries", 200);
        var scans = options.Int("scans", 5);
        var rounds = options.Int("rounds", 3);
        var warmup = options.Int("warmup", 200);
        var stageIds = Enumerable.Range(0, 5).Select(i => $"s{i}").ToList();
        var clock = Stopwatch.StartNew();
        var history = LeadEventHistory.Generate(events, stageIds);
        var now = history.End;
        Console.WriteLine($"metrics: {history.Events:N0} events in {history.Batches.Count:N0} batches of {history.Leads:N0} leads generated in {clock.Elapsed.TotalSeconds:F1} s; {warmup} warm-up calls, then {queries} queries and {scans} scans per query per round, {rounds} rounds");

        await using var silo = await BenchSilo.StartAsync(null, configure: silo => silo.ConfigureServices(services =>
        {
            services.AddGrainStorage(StorageNames.Analytics, (_, _) => new DiscardingStorage());
            services.AddSingleton(new SalesClock(new FixedTime(now))); // "stuck" is counted against the end of the history, in the grain and in the scan
        }));
        await Workload.SavePipelineAsync(silo.Grains, Workload.ChainYaml(PipelineId, stageIds.Count));
        await Parallel.ForEachAsync(Enumerable.Range(0, LeadEventHistory.Reps), async (i, _) =>
            await silo.Grains.GetGrain<SalesCoach.Reps.IRepGrain>(LeadEventHistory.Rep(i)).SaveProfileAsync(new SalesCoach.Reps.RepProfile
            {
                Id = LeadEventHistory.Rep(i), Name = $"Rep {i}", Email = $"rep{i}@bench.example", TeamId = LeadEventHistory.Team(i), Quota = 100_000,
            }));
        var stages = stageIds.Select((id, i) => (id, $"Stage {i}")).ToList();
        var funnel = silo.Grains.GetGrain<IFunnelGrain>(PipelineId);

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        var byLead = history.Batches.GroupBy(b => b.LeadId).Select(g => g.ToList()).ToList();
        await Parallel.ForEachAsync(byLead, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (batches, _) =>
        {
            foreach (var batch in batches)
            {
                if (!await funnel.ApplyAsync(batch))
                {
                    throw new InvalidOperationException($"batch {batch.LeadId}#{batch.Seq} refused");
                }
            }
        });
        var ingest = clock.Elapsed;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"applied through IFunnelGrain.ApplyAsync in {ingest.TotalSeconds:F1} s ({history.Batches.Count / ingest.TotalSeconds:N0} batches/s); GC heap {heapBefore / 1e6:F0} → {heapAfter / 1e6:F0} MB (history list + grain state + roll-ups)");

        var end = DateOnly.FromDateTime(now.UtcDateTime);
        var first = DateOnly.FromDateTime(LeadEventHistory.Start.UtcDateTime);
        var kinds = new List<Kind>
        {
            new("funnel, all", _ => new MetricsFilter(), null),
            new("funnel, one team", i => new MetricsFilter { TeamId = LeadEventHistory.Team(i * 10 % LeadEventHistory.Reps) }, null),
            new("funnel, one rep", i => new MetricsFilter { RepId = LeadEventHistory.Rep(i * 7 % LeadEventHistory.Reps) }, null),
            new("funnel, a quarter", i => new MetricsFilter { From = first.AddMonths(3 * (i % 4)), To = first.AddMonths(3 * (i % 4) + 3).AddDays(-1) }, null),
            new("coaching, rep vs team, 90 days", i => new MetricsFilter { From = end.AddDays(-89), To = end, TeamId = LeadEventHistory.Team(i * 13 % LeadEventHistory.Reps) },
                i => LeadEventHistory.Rep(i * 13 % LeadEventHistory.Reps)),
            new("forecast, all, a quarter", i => new MetricsFilter { From = first.AddMonths(3 * (i % 4)), To = first.AddMonths(3 * (i % 4) + 3).AddDays(-1) }, null, Forecast: true),
            new("forecast, one team, a quarter", i => new MetricsFilter { From = first.AddMonths(3 * (i % 4)), To = first.AddMonths(3 * (i % 4) + 3).AddDays(-1), TeamId = LeadEventHistory.Team(i * 10 % LeadEventHistory.Reps) }, null, Forecast: true),
        };

        foreach (var kind in kinds)
        {
            for (var i = 0; i < warmup; i++)
            {
                await kind.QueryAsync(funnel, i); // warm-up, past the JIT's tier-up
            }
        }

        var compared = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var kind in kinds)
            {
                var scanTimes = new List<double>();
                for (var i = 0; i < (kind.Forecast ? 0 : scans); i++)
                {
                    var n = (round * scans) + i;
                    clock.Restart();
                    var expected = kind.Scan(history, stages, n, now);
                    scanTimes.Add(clock.Elapsed.TotalMilliseconds);
                    var actual = await kind.QueryAsync(funnel, n);
                    var (want, got) = (JsonSerializer.Serialize(expected, SalesCoachJson.Options), JsonSerializer.Serialize(actual, SalesCoachJson.Options));
                    if (want != got)
                    {
                        Console.Error.WriteLine($"{kind.Name} #{n}: the grain's answer differs from the scan's\n  scan:  {want}\n  grain: {got}");
                        return 3;
                    }

                    compared++;
                }

                var queryTimes = new List<double>();
                for (var i = 0; i < queries; i++)
                {
                    var collections = GC.CollectionCount(0);
                    clock.Restart();
                    await kind.QueryAsync(funnel, (round * queries) + i);
                    queryTimes.Add(clock.Elapsed.TotalMilliseconds);

                    // Which slow queries had a garbage collection inside them (any generation counts in gen 0's count).
                    if (queryTimes[^1] >= 1)
                    {
                        kind.Slow++;
                        kind.SlowWithGc += GC.CollectionCount(0) > collections ? 1 : 0;
                    }
                }

                kind.Rounds.Add((scanTimes, queryTimes));
            }

            Console.WriteLine($"  round {round + 1}: " + string.Join(", ", kinds.Select(k => $"{k.Name} p99 {Stats.F(Stats.Percentile(k.Rounds[^1].Queries, 99), 2)} ms")));
        }

        Console.WriteLine($"{compared} grain answers compared with the scan: all equal");
        var met = true;
        foreach (var kind in kinds)
        {
            var all = kind.Rounds.SelectMany(r => r.Queries).ToList();
            var scanAll = kind.Rounds.SelectMany(r => r.Scans).ToList();
            var (p50, p99) = (Stats.Percentile(all, 50), Stats.Percentile(all, 99));
            if (kind.Forecast)
            {
                Stats.Table(kind.Name, new List<(string, string)>
                {
                    ("query through the grain, p50", Stats.Spread([.. kind.Rounds.Select(r => Stats.Percentile(r.Queries, 50))], 3) + " ms"),
                    ("query through the grain, p99", Stats.Spread([.. kind.Rounds.Select(r => Stats.Percentile(r.Queries, 99))], 3) + " ms"),
                    ("all rounds p50 / p99 / max", $"{Stats.F(p50, 3)} / {Stats.F(p99, 3)} / {Stats.F(all.Max(), 3)} ms ({all.Count} queries)"),
                    ("baseline / goal", "none: no naive scan of its own, no goal in the issue"),
                });
                continue;
            }

            var ratio = Stats.Median(scanAll) / p50;
            var kindMet = p99 < 10 && ratio > 100;
            met &= kindMet;
            Stats.Table(kind.Name, new List<(string, string)>
            {
                ("baseline: naive scan of every event", Stats.Spread([.. kind.Rounds.Select(r => Stats.Median(r.Scans))], 1) + " ms (median per round)"),
                ("query through the grain, p50", Stats.Spread([.. kind.Rounds.Select(r => Stats.Percentile(r.Queries, 50))], 3) + " ms"),
                ("query through the grain, p99", Stats.Spread([.. kind.Rounds.Select(r => Stats.Percentile(r.Queries, 99))], 3) + " ms"),
                ("all rounds p50 / p99 / max", $"{Stats.F(p50, 3)} / {Stats.F(p99, 3)} / {Stats.F(all.Max(), 3)} ms ({all.Count} queries)"),
                ("queries ≥ 1 ms / with a GC inside", $"{kind.Slow} / {kind.SlowWithGc}"),
                ("ratio scan ÷ query (median ÷ p50)", $"{Stats.F(ratio, 0)}×   (scan median ÷ query p99: {Stats.F(Stats.Median(scanAll) / p99, 0)}×)"),
                ("goal p99 < 10 ms and > 100× the scan", Stats.Verdict(kindMet)),
            });
        }

        Console.WriteLine();
        Console.WriteLine($"metrics at {history.Events:N0} events: {Stats.Verdict(met)}");
        return 0;
    }

    /// <summary>One kind of query: its filter for the i-th call (rotating teams, reps, quarters) and, for coaching, the rep.</summary>
    private sealed record Kind(string Name, Func<int, MetricsFilter> Filter, Func<int, string>? CoachRep, bool Forecast = false)
    {
        public List<(List<double> Scans, List<double> Queries)> Rounds { get; } = [];

        public int Slow { get; set; }

        public int SlowWithGc { get; set; }

        public async Task<object> QueryAsync(IFunnelGrain funnel, int i) =>
            Forecast ? await funnel.GetForecastAsync(Filter(i))
            : CoachRep is null ? await funnel.GetFunnelAsync(Filter(i))
            : await funnel.GetCoachingAsync(CoachRep(i), Filter(i));

        public object Scan(LeadEventHistory history, IReadOnlyList<(string Id, string Name)> stages, int i, DateTimeOffset now) =>
            CoachRep is null
                ? NaiveScan.Funnel(history.Batches, stages, Filter(i), now)
                : NaiveScan.Coaching(history.Batches, stages, CoachRep(i), Filter(i));
    }

    /// <summary>A clock stopped at the end of the history.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
