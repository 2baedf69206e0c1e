using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SalesCoach.Common;
using SalesCoach.Leads;

namespace SalesCoach.Bench;

/// <summary>
/// <c>memory</c>: bytes per active lead grain. Leads are created in a first silo (SQLite file), which is
/// stopped; a second silo on the same file then activates the empty bench grain N times (baseline) and
/// the N leads (each read from the file), with the GC heap measured after a full collection in between.
/// </summary>
public static class MemoryMeasure
{
    public static async Task<int> RunAsync(Options options)
    {
        var leads = options.Int("leads", 100_000);
        var reps = options.Int("reps", 500);
        var setupSync = options.String("sync", "OFF");
        var dir = Directory.CreateTempSubdirectory("salescoach-bench-");
        var dbPath = Path.Combine(dir.FullName, "salescoach.db");
        Console.WriteLine($"memory: {leads} leads (sample-like chain pipeline, 2 open tasks each), created with synchronous={setupSync} (setup only), then activated in a fresh silo");
        try
        {
            var setup = Stopwatch.StartNew();
            await using (var creator = await BenchSilo.StartAsync(dbPath, setupSync))
            {
                await Workload.SavePipelineAsync(creator.Grains, Workload.ChainYaml("chain", 5));
                await Workload.CreateRepsAsync(creator.Grains, reps);
                for (var first = 0; first < leads; first += 10_000)
                {
                    await Workload.CreateLeadsAsync(creator.Grains, "chain", "lead-", first, Math.Min(10_000, leads - first), reps);
                    Console.WriteLine($"  created {Math.Min(leads, first + 10_000)} leads in {setup.Elapsed.TotalSeconds:F1}s");
                }
            }

            await using var silo = await BenchSilo.StartAsync(dbPath);
            var grains = silo.Grains;
            await grains.GetGrain<IBenchGrain>(-1).PingAsync();
            await grains.GetGrain<ILeadGrain>("lead-0").GetAsync(Actor.System); // the pipeline grain and the code paths, once
            var h0 = RemindersMeasure.HeapBytes();
            await Parallel.ForEachAsync(Enumerable.Range(0, leads), new ParallelOptions { MaxDegreeOfParallelism = 64 },
                async (i, _) => await grains.GetGrain<IBenchGrain>(i).PingAsync());
            var h1 = RemindersMeasure.HeapBytes();
            var activate = Stopwatch.StartNew();
            long missing = 0;
            await Parallel.ForEachAsync(Enumerable.Range(1, leads - 1), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            {
                if (!(await grains.GetGrain<ILeadGrain>($"lead-{i}").GetAsync(Actor.System)).Succeeded)
                {
                    Interlocked.Increment(ref missing);
                }
            });
            var activateSeconds = activate.Elapsed.TotalSeconds;
            var h2 = RemindersMeasure.HeapBytes();
            var perEmpty = (h1 - h0) / (double)leads;
            var perLead = (h2 - h1) / (double)(leads - 1);
            Stats.Table("memory: bytes per active lead grain", new List<(string, string)>
            {
                ("active lead grains", $"{leads} ({missing} missing)"),
                ("GC heap: start → +empty → +leads", $"{h0 / 1e6:F1} → {h1 / 1e6:F1} → {h2 / 1e6:F1} MB"),
                ("baseline: bytes per empty grain", $"{perEmpty:F0}"),
                ("bytes per active lead grain", $"{perLead:F0}"),
                ("ratio lead / empty grain", $"{perLead / perEmpty:F1}×"),
                ("activation rate (reads from SQLite)", $"{leads / activateSeconds:F0} leads/s"),
                ("working set", $"{Process.GetCurrentProcess().WorkingSet64 / 1e6:F0} MB"),
            });
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
