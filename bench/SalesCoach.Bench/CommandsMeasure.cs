using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SalesCoach.Common;
using SalesCoach.Leads;

namespace SalesCoach.Bench;

/// <summary>
/// <c>commands</c>: lead task completions per second on an in-process silo with memory storage, against
/// empty grain calls per second on the same silo. <c>durable</c>: the same commands on SQLite
/// (synchronous=FULL), against raw single-row SQLite upserts with the same settings in the same run.
/// Rounds alternate baseline and measure so that noise from other processes hits both.
/// </summary>
public static class CommandsMeasure
{
    public static async Task<int> RunAsync(Options options, bool durable)
    {
        var rounds = options.Int("rounds", 5);
        // "auto": full-size warm-up rounds until the JIT is quiet (see JitActivity), at most MaxWarmupRounds.
        int? fixedWarmups = options.String("warmup-rounds", "auto") == "auto" ? null : options.Int("warmup-rounds", 1);
        var leadsPerRound = options.Int("leads", durable ? 3000 : 5000); // warmed up, 3 s of commands take ~36,000 (memory) and ~20,000 (SQLite)
        var stages = options.Int("stages", 10);
        var seconds = options.Int("seconds", 3);
        var concurrency = options.Int("concurrency", 64);
        var reps = options.Int("reps", 500);
        var duration = TimeSpan.FromSeconds(seconds);

        var dir = Directory.CreateTempSubdirectory("salescoach-bench-");
        var dbPath = durable ? Path.Combine(dir.FullName, "salescoach.db") : null;
        Console.WriteLine($"{(durable ? "durable" : "commands")}: {rounds} rounds (+{fixedWarmups?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"≤ {MaxWarmupRounds}, until the JIT is quiet,"} warm-up), {leadsPerRound} fresh leads × {stages - 1} completions per round (≤ {seconds}s), " +
                          $"{concurrency} concurrent, {reps} reps; storage {(durable ? $"SQLite {dbPath} (WAL, synchronous=FULL)" : "memory")}");
        try
        {
            await using var silo = await BenchSilo.StartAsync(dbPath);
            var grains = silo.Grains;
            await Workload.SavePipelineAsync(grains, Workload.ChainYaml("chain", stages));
            await Workload.CreateRepsAsync(grains, reps);

            // Warm-up (JIT, activations, first writes): one small round of each, not counted.
            await EmptyCallsAsync(grains, concurrency, TimeSpan.FromSeconds(1));
            var warm = await Workload.CreateLeadsAsync(grains, "chain", "warm-", 0, Math.Min(100, leadsPerRound), reps);
            await CompleteAsync(grains, warm, stages, concurrency, TimeSpan.FromSeconds(seconds));

            int blobBytes = 0;
            string? rawPath = null;
            if (durable)
            {
                blobBytes = AverageLeadRowBytes(dbPath!);
                rawPath = Path.Combine(dir.FullName, "raw.db");
                PrepareRawTable(rawPath);
                RawUpserts(rawPath, blobBytes, concurrency, TimeSpan.FromSeconds(1)); // warm-up
            }

            var baseline = new List<double>();
            var baselineSingle = new List<double>();
            var measured = new List<double>();
            var ratios = new List<double>();
            var baselineCpu = new List<double>();
            var commandCpu = new List<double>();
            var baselineAlloc = new List<double>();
            var commandAlloc = new List<double>();
            var jitMethods = new List<double>();
            var jitShare = new List<double>();
            long commands = 0, failures = 0;
            var writesMeasured = new Dictionary<string, long>(StringComparer.Ordinal);
            var callsMeasured = new Dictionary<string, (long Count, long Ticks)>();

            // The SQLite file's one writer (the group commit): how busy it was while the commands ran, and per transaction.
            using var writer = new WriterMeters();
            var writerBusy = new List<double>();
            var writesPerTransaction = new List<double>();
            var msPerTransaction = new List<double>();
            var msPerCommit = new List<double>();
            // Full-size rounds first, not counted: the small warm-up above leaves much of the path in the JIT's
            // first tiers. With one such round the JIT still took 35–52 % of the CPU of each counted `commands`
            // round (its baseline keeps both cores busy, so the background re-compilation falls behind), and
            // commands/s doubled from the first counted round to the third.
            var warmups = 0;
            for (var round = 0; round < rounds;)
            {
                double b, baselineOperations;
                var cpuBeforeBaseline = ProcessCpu();
                var allocBeforeBaseline = GC.GetTotalAllocatedBytes();
                if (durable)
                {
                    var concurrent = RawUpserts(rawPath!, blobBytes, concurrency, duration);
                    var single = RawUpserts(rawPath!, blobBytes, 1, duration);
                    baselineSingle.Add(single);
                    b = Math.Max(concurrent, single);
                    baselineOperations = (concurrent + single) * duration.TotalSeconds;
                }
                else
                {
                    b = await EmptyCallsAsync(grains, concurrency, duration);
                    baselineOperations = b * duration.TotalSeconds;
                }

                var cpuAfterBaseline = ProcessCpu();
                var allocAfterBaseline = GC.GetTotalAllocatedBytes();
                var leads = await Workload.CreateLeadsAsync(grains, "chain", $"w{warmups}r{round}-", 0, leadsPerRound, reps);
                var cpuBeforeCommands = ProcessCpu();
                var allocBeforeCommands = GC.GetTotalAllocatedBytes();
                var callsBefore = CallProfile.Snapshot();
                var writesBefore = new Dictionary<string, long>(CountingStorage.Writes);
                var writerBefore = writer.Snapshot();
                var jitBefore = JitActivity.Now();
                var (count, failed, elapsed) = await CompleteAsync(grains, leads, stages, concurrency, duration);
                var writerRound = writer.Snapshot() - writerBefore;
                var jitRound = JitActivity.Now() - jitBefore;
                var cpuAfterCommands = ProcessCpu();
                var allocAfterCommands = GC.GetTotalAllocatedBytes();
                var jitPercent = 100 * jitRound.Time / (cpuAfterCommands - cpuBeforeCommands);
                // Warm-ups come only before the first counted round.
                if (round == 0 && warmups < (fixedWarmups ?? MaxWarmupRounds) && (fixedWarmups is not null || warmups == 0 || jitPercent >= QuietJitPercent))
                {
                    warmups++;
                    Console.WriteLine($"  warm-up round {warmups} (not counted): baseline {Stats.F(b, 0)}/s, commands {Stats.F(count / elapsed.TotalSeconds, 0)}/s; " +
                                      $"JIT {jitRound.Methods} methods, {jitPercent:F1} % of the phase's CPU");
                    continue;
                }

                round++;

                // CPU and bytes allocated per operation (this process: silo and callers): they move far less than the
                // rates when other processes share the cores, and the empty call's CPU does not fall round by round
                // as the JIT settles.
                baselineCpu.Add((cpuAfterBaseline - cpuBeforeBaseline).TotalMicroseconds / Math.Max(1, baselineOperations));
                commandCpu.Add((cpuAfterCommands - cpuBeforeCommands).TotalMicroseconds / Math.Max(1, count));
                baselineAlloc.Add((allocAfterBaseline - allocBeforeBaseline) / Math.Max(1, baselineOperations));
                commandAlloc.Add((allocAfterCommands - allocBeforeCommands) / (double)Math.Max(1, count));
                jitMethods.Add(jitRound.Methods);
                jitShare.Add(jitPercent);

                foreach (var (state, n) in CountingStorage.Writes)
                {
                    writesMeasured[state] = writesMeasured.GetValueOrDefault(state) + n - writesBefore.GetValueOrDefault(state);
                }

                if (writerRound.Transactions > 0)
                {
                    writerBusy.Add(100 * writerRound.TransactionSeconds / elapsed.TotalSeconds);
                    writesPerTransaction.Add(writerRound.Writes / (double)writerRound.Transactions);
                    msPerTransaction.Add(1000 * writerRound.TransactionSeconds / writerRound.Transactions);
                    msPerCommit.Add(1000 * writerRound.CommitSeconds / writerRound.Transactions);
                }

                CallProfile.Accumulate(callsBefore, callsMeasured);
                var rate = count / elapsed.TotalSeconds;
                (commands, failures) = (commands + count, failures + failed);
                baseline.Add(b);
                measured.Add(rate);
                ratios.Add(rate / b);
                Console.WriteLine($"  round {round}: baseline {Stats.F(b, 0)}/s, commands {Stats.F(rate, 0)}/s ({count} in {elapsed.TotalSeconds:F2}s, {failed} failed), ratio {ratios[^1]:F3}");
            }

            var goal = durable ? 0.7 : 0.3;
            var ratio = Stats.Median(measured) / Stats.Median(baseline);
            var rows = new List<(string, string)>
            {
                (durable ? "baseline: raw upserts/s" : "baseline: empty grain calls/s", Stats.Spread(baseline, 0)),
                ("lead commands/s", Stats.Spread(measured, 0)),
                ("ratio (median/median)", $"{ratio:F3}"),
                ("ratio per round", $"median {Stats.Median(ratios):F3} (min {ratios.Min():F3} – max {ratios.Max():F3})"),
                ("goal", $"≥ {goal} → {Stats.Verdict(ratio >= goal)}"),
                ("commands measured / failed", $"{commands} / {failures}"),
            };
            var baselineOperation = durable ? "raw upsert" : "empty call";
            rows.Insert(4, ($"CPU per {baselineOperation} / per command", $"{Stats.Spread(baselineCpu, 2)} / {Stats.Spread(commandCpu, 0)} µs"));
            rows.Insert(5, ($"ratio of CPU per operation ({baselineOperation} ÷ command)", $"{Stats.Median(baselineCpu) / Stats.Median(commandCpu):F3}"));
            rows.Insert(6, ($"bytes allocated per {baselineOperation} / per command", $"{Stats.Spread(baselineAlloc, 0)} / {Stats.Spread(commandAlloc, 0)}"));
            rows.Insert(7, ("JIT in the commands phase: methods compiled / % of its CPU", $"{Stats.Spread(jitMethods, 0)} / {Stats.Spread(jitShare, 1)}"));

            if (durable)
            {
                var writes = writesMeasured.Values.Sum();
                rows.Insert(1, ("  of which single-writer upserts/s", Stats.Spread(baselineSingle, 0)));
                rows.Add(("lead row size (bytes, avg)", blobBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                rows.Add(("durable writes per command", $"{(double)writes / Math.Max(1, commands):F2} ({string.Join(", ", writesMeasured.Select(kv => $"{kv.Key} {kv.Value / (double)Math.Max(1, commands):F2}"))})"));
                rows.Add(("ratio per durable write", $"{ratio * writes / Math.Max(1, commands):F3} (commands/s × writes per command ÷ upserts/s)"));
                rows.Add(("writer busy (the file's one writer, % of the round)", Stats.Spread(writerBusy, 0)));
                rows.Add(("writes per transaction", Stats.Spread(writesPerTransaction, 1)));
                rows.Add(("ms per transaction / of which COMMIT", $"{Stats.Spread(msPerTransaction, 2)} / {Stats.Spread(msPerCommit, 2)}"));
            }

            if (CallProfile.Enabled)
            {
                rows.Add(("grain calls received (profile)", "per command, by total time inside:"));
                rows.AddRange(CallProfile.PerCommand(callsMeasured, commands));
            }
            Stats.Table(durable ? "durable: lead commands on SQLite vs raw SQLite upserts" : "commands: lead commands vs empty grain calls", rows);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static TimeSpan ProcessCpu() => Environment.CpuUsage.TotalTime;

    /// <summary>Warm-up rounds at most, when they run until the JIT is quiet.</summary>
    private const int MaxWarmupRounds = 8;

    /// <summary>A commands phase whose JIT time is under this share of its CPU counts as warmed up.</summary>
    private const double QuietJitPercent = 5;

    /// <summary>Empty grain calls for <paramref name="duration"/>, spread over 10,000 grains.</summary>
    public static async Task<double> EmptyCallsAsync(IGrainFactory grains, int concurrency, TimeSpan duration)
    {
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var i = worker;
            while (stopwatch.Elapsed < duration)
            {
                await grains.GetGrain<IBenchGrain>(i % 10_000).PingAsync();
                i += concurrency;
                Interlocked.Increment(ref count);
            }
        }));
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Each worker takes the next lead and completes its stage tasks s0-a, s1-a, … in order; stops at the time limit.</summary>
    public static async Task<(long Count, long Failed, TimeSpan Elapsed)> CompleteAsync(
        IGrainFactory grains, IReadOnlyList<LeadView> leads, int stages, int concurrency, TimeSpan duration)
    {
        long count = 0, failed = 0;
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while (stopwatch.Elapsed < duration && (index = Interlocked.Increment(ref next)) < leads.Count)
            {
                var lead = leads[index];
                var grain = grains.GetGrain<ILeadGrain>(lead.Id);
                var actor = new Actor(lead.OwnerId);
                for (var s = 0; s < stages - 1 && stopwatch.Elapsed < duration; s++)
                {
                    var outcome = await grain.CompleteTaskAsync($"s{s}-a", $"op-{lead.Id}-{s}", actor);
                    Interlocked.Increment(ref count);
                    if (!outcome.Succeeded || outcome.Value!.Stage?.Id != $"s{s + 1}")
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }
        }));
        return (count, failed, stopwatch.Elapsed);
    }

    private static int AverageLeadRowBytes(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(AVG(LENGTH(data)) AS INTEGER) FROM grain_state WHERE state_name = 'lead';";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void PrepareRawTable(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=True");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS raw (id TEXT PRIMARY KEY, etag TEXT NOT NULL, data BLOB NOT NULL);";
        command.ExecuteNonQuery();
    }

    /// <summary>Single-row upserts (one implicit transaction each, WAL, synchronous=FULL, the provider's busy timeout), by <paramref name="concurrency"/> writers.</summary>
    private static double RawUpserts(string path, int blobBytes, int concurrency, TimeSpan duration)
    {
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, concurrency).Select(worker => new Thread(() =>
        {
            var random = new Random(worker);
            var data = new byte[blobBytes];
            random.NextBytes(data);
            using var connection = new SqliteConnection($"Data Source={path};Pooling=True");
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;";
                pragma.ExecuteNonQuery();
            }

            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO raw (id, etag, data) VALUES ($id, $etag, $data) ON CONFLICT (id) DO UPDATE SET etag = excluded.etag, data = excluded.data;";
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var etag = command.Parameters.Add("$etag", SqliteType.Text);
            command.Parameters.AddWithValue("$data", data);
            while (stopwatch.Elapsed < duration)
            {
                id.Value = $"lead/{random.Next(10_000)}";
                etag.Value = Guid.NewGuid().ToString("N");
                command.ExecuteNonQuery();
                Interlocked.Increment(ref count);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return count / stopwatch.Elapsed.TotalSeconds;
    }
}
