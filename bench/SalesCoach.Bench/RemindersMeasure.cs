using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SalesCoach.Reps;

namespace SalesCoach.Bench;

/// <summary>
/// <c>reminders</c>: reps × leads × open tasks on the SQLite profile. Counts the rows of the reminders
/// table (goal: one per rep, against one per task for a per-task design), the silo's memory, and the
/// lag between each task's due time and its TaskDue notification (recorded by the bench's INotifier).
/// </summary>
public static class RemindersMeasure
{
    public static async Task<int> RunAsync(Options options)
    {
        var reps = options.Int("reps", 1000);
        var leads = options.Int("leads", 10_000);
        var tasks = options.Int("tasks", 10);
        var dueSeconds = options.Int("due", 180);
        var waitSeconds = options.Int("wait", 240);
        var synchronous = options.String("sync", "FULL");
        var dir = Directory.CreateTempSubdirectory("salescoach-bench-");
        var dbPath = Path.Combine(dir.FullName, "salescoach.db");
        Console.WriteLine($"reminders: {reps} reps, {leads} leads × {tasks} tasks = {leads * tasks} open tasks due {dueSeconds}s after creation; " +
                          $"SQLite {dbPath} synchronous={synchronous}; lag wait ≤ {waitSeconds}s after the last due time");
        try
        {
            var notifier = new RecordingNotifier { Keep = true };
            await using var silo = await BenchSilo.StartAsync(dbPath, synchronous, notifier);
            var grains = silo.Grains;
            var heapBefore = HeapBytes();
            await Workload.SavePipelineAsync(grains, Workload.ManyTasksYaml("many", tasks, $"PT{dueSeconds}S"));
            await Workload.CreateRepsAsync(grains, reps);
            var setup = Stopwatch.StartNew();
            var views = new List<SalesCoach.Leads.LeadView>(leads);
            for (var first = 0; first < leads; first += 1000)
            {
                views.AddRange(await Workload.CreateLeadsAsync(grains, "many", "lead-", first, Math.Min(1000, leads - first), reps));
                Console.WriteLine($"  created {views.Count} leads in {setup.Elapsed.TotalSeconds:F1}s");
            }

            var due = views.SelectMany(v => v.Tasks.Select(t => (Key: $"{v.Id}/{t.Id}", t.DueAt))).ToDictionary(x => x.Key, x => x.DueAt);
            var createSeconds = setup.Elapsed.TotalSeconds;
            var heapAfter = HeapBytes();
            var workingSet = Process.GetCurrentProcess().WorkingSet64;

            // Wait for every task's prompt, bounded by the last due time + wait.
            var lastDue = due.Values.Max();
            var deadline = lastDue + TimeSpan.FromSeconds(waitSeconds);
            var reminderRows = CountReminders(dbPath);
            var lags = new Dictionary<string, double>(StringComparer.Ordinal);
            while (DateTimeOffset.UtcNow < deadline && lags.Count < due.Count)
            {
                await Task.Delay(1000);
                while (notifier.Sent.TryDequeue(out var sent))
                {
                    if (sent.Notification.Kind != NotificationKind.TaskDue)
                    {
                        continue;
                    }

                    foreach (var item in sent.Notification.Tasks)
                    {
                        if (due.TryGetValue(item.Key, out var dueAt))
                        {
                            lags.TryAdd(item.Key, (sent.At - dueAt).TotalMilliseconds);
                        }
                    }
                }

                if (DateTimeOffset.UtcNow.Second % 15 == 0)
                {
                    Console.WriteLine($"  {DateTimeOffset.UtcNow:HH:mm:ss}: {lags.Count}/{due.Count} task prompts seen; last due {lastDue:HH:mm:ss}");
                }
            }

            var reminderRowsAfter = CountReminders(dbPath);
            var lagList = lags.Values.ToList();
            Stats.Table("reminders: one per rep, not one per task", new List<(string, string)>
            {
                ("reps / leads / open tasks", $"{reps} / {leads} / {due.Count}"),
                ("setup: leads created in", $"{createSeconds:F1}s ({leads / createSeconds:F0} leads/s, synchronous={synchronous})"),
                ("reminder rows after setup", $"{reminderRows} (baseline one-per-task design: {due.Count}; per rep {reminderRows / (double)reps:F3})"),
                ("reminder rows after prompts", reminderRowsAfter.ToString(CultureInfo.InvariantCulture)),
                ("goal ≤ 1 per rep", Stats.Verdict(reminderRows <= reps)),
                ("GC heap before → after setup", $"{heapBefore / 1e6:F1} MB → {heapAfter / 1e6:F1} MB (working set {workingSet / 1e6:F0} MB)"),
                ("heap per open task", $"{(heapAfter - heapBefore) / (double)due.Count:F0} bytes"),
                ("task prompts seen", $"{lags.Count}/{due.Count}"),
                ("due → prompt lag p50 / p99 / max", lagList.Count == 0 ? "n/a" : $"{Stats.F(Stats.Percentile(lagList, 50), 0)} / {Stats.F(Stats.Percentile(lagList, 99), 0)} / {Stats.F(lagList.Max(), 0)} ms"),
            });
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    public static long HeapBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long CountReminders(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM reminders;";
        return (long)command.ExecuteScalar()!;
    }
}
