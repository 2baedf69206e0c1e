using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SalesCoach.Bench;

/// <summary>
/// <c>endpoint</c>: the built bot dll on loopback (embedded default: SQLite, synchronous=FULL, unless
/// --storage Memory), <c>POST /api/messages</c> with a Teams <c>adaptiveCard/action</c> invoke that completes a
/// task (each request a different task: it meets the stage goal, so the lead moves on and the refreshed card
/// comes back), from N concurrent clients; against GET /healthz with the same clients in the same run.
/// Outbound notifications go to a loopback sink in this process (Notifications:Webhook:Url), never off the machine.
/// </summary>
public static class EndpointMeasure
{
    public static async Task<int> RunAsync(Options options)
    {
        var rounds = options.Int("rounds", 3);
        var seconds = options.Int("seconds", 5);
        var concurrency = options.Int("concurrency", 64);
        var leads = options.Int("leads", 6000);
        var warmup = TimeSpan.FromSeconds(options.Int("warmup", 5));
        var stages = options.Int("stages", 10);
        var reps = options.Int("reps", 64);
        var storage = options.String("storage", "Sqlite");
        // Each counted invoke's start (ms since its round began) and latency, one CSV row each: shows whether
        // the slow requests come together (a pause) or are spread out (queueing).
        var latencyLog = options.String("latency-log", "");
        var duration = TimeSpan.FromSeconds(seconds);
        var dll = BotProcess.BotDll(options);

        await using var sink = await StartSinkAsync();
        await using var bot = BotProcess.StartBot(dll, BotProcess.BotEnvironment(options), "--Storage:Provider", storage, "--Notifications:Webhook:Url", sink.Url + "/hook");
        var startup = await bot.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine($"endpoint: {dll} at {bot.BaseUrl} (Storage:Provider {storage}), healthy after {startup.TotalMilliseconds:F0} ms; " +
                          $"{rounds} rounds × {seconds}s, {concurrency} clients; {leads} leads × {stages - 1} card completions available");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(bot.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var setup = Stopwatch.StartNew();
        await SetupAsync(http, leads, stages, reps);
        Console.WriteLine($"  setup: pipeline, {reps} reps, {leads} leads via the REST API in {setup.Elapsed.TotalSeconds:F1}s");

        var queue = new LeadQueue(leads, reps, stages);
        // Warm-up, not counted: a fresh process runs its first seconds on unoptimised code (the JIT tiers
        // the hot paths up), and a host serving a sales team has long been warm.
        await RunHealthAsync(http, concurrency, warmup);
        var warm = await RunInvokesAsync(http, queue, sink.Url, concurrency, warmup);
        Console.WriteLine($"  warm-up ({warmup.TotalSeconds:F0}s each, not counted): /api/messages {warm.Rate:F0}/s p99 {Stats.Percentile(warm.Latencies, 99):F1} ms");

        var healthRates = new List<double>();
        var invokeRates = new List<double>();
        var healthLat = new List<double>();
        var invokeLat = new List<double>();
        var invokeP99 = new List<double>();
        var healthP99 = new List<double>();
        var healthCpu = new List<double>();
        var invokeCpu = new List<double>();
        var driverCpu = new List<double>();
        long errors = 0;
        for (var round = 0; round < rounds; round++)
        {
            // The bot's own CPU per request: unlike req/s and latency, it hardly moves when other processes
            // share the cores, so it is what compares two builds on a busy machine.
            var cpu0 = bot.CpuTime;
            var h = await RunHealthAsync(http, concurrency, duration);
            var cpu1 = bot.CpuTime;
            // This process shares the cores: its clients, and the sink receiving the bot's notifications.
            var driver1 = Environment.CpuUsage.TotalTime;
            var m = await RunInvokesAsync(http, queue, sink.Url, concurrency, duration);
            var cpu2 = bot.CpuTime;
            driverCpu.Add((Environment.CpuUsage.TotalTime - driver1).TotalMicroseconds / Math.Max(1, m.Latencies.Count));
            healthCpu.Add((cpu1 - cpu0).TotalMicroseconds / Math.Max(1, h.Latencies.Count));
            invokeCpu.Add((cpu2 - cpu1).TotalMicroseconds / Math.Max(1, m.Latencies.Count));
            healthRates.Add(h.Rate);
            invokeRates.Add(m.Rate);
            healthLat.AddRange(h.Latencies);
            invokeLat.AddRange(m.Latencies);
            healthP99.Add(Stats.Percentile(h.Latencies, 99));
            invokeP99.Add(Stats.Percentile(m.Latencies, 99));
            errors += m.Errors + h.Errors;
            if (latencyLog.Length > 0)
            {
                await File.AppendAllLinesAsync(latencyLog, (round == 0 ? ["round,start_ms,latency_ms"] : Array.Empty<string>())
                    .Concat(m.Starts.Zip(m.Latencies, (start, latency) => string.Create(CultureInfo.InvariantCulture, $"{round + 1},{start:F2},{latency:F2}"))));
            }

            Console.WriteLine($"  round {round + 1}: /healthz {h.Rate:F0}/s p99 {healthP99[^1]:F1} ms; /api/messages {m.Rate:F0}/s p50 {Stats.Percentile(m.Latencies, 50):F1} p99 {invokeP99[^1]:F1} ms ({m.Errors} errors{(queue.Exhausted ? ", leads exhausted" : "")}); bot CPU per request {healthCpu[^1]:F0} / {invokeCpu[^1]:F0} µs");
        }

        var p99 = Stats.Percentile(invokeLat, 99);
        Stats.Table($"endpoint: POST /api/messages (card invoke completing a task) vs GET /healthz, {concurrency} clients, {storage}", new List<(string, string)>
        {
            ("baseline /healthz req/s", Stats.Spread(healthRates, 0)),
            ("baseline /healthz p50 / p99 (all rounds)", $"{Stats.Percentile(healthLat, 50):F1} / {Stats.Percentile(healthLat, 99):F1} ms"),
            ("/api/messages req/s", Stats.Spread(invokeRates, 0)),
            ("/api/messages p50 / p99 (all rounds)", $"{Stats.Percentile(invokeLat, 50):F1} / {p99:F1} ms"),
            ("/api/messages p99 per round", Stats.Spread(invokeP99, 1) + " ms"),
            ("bot CPU per request, /healthz / /api/messages", $"{Stats.Spread(healthCpu, 0)} / {Stats.Spread(invokeCpu, 0)} µs"),
            ("this driver's CPU per invoke (clients and sink)", $"{Stats.Spread(driverCpu, 0)} µs"),
            ("ratio req/s (messages / healthz)", $"{Stats.Median(invokeRates) / Stats.Median(healthRates):F3}"),
            ("ratio p99 (messages / healthz)", $"{p99 / Stats.Percentile(healthLat, 99):F1}×"),
            ("goal p99 < 50 ms", Stats.Verdict(p99 < 50)),
            ("requests / errors", $"{invokeLat.Count} / {errors}"),
            ("notifications received by the sink", sink.Count.ToString(CultureInfo.InvariantCulture)),
        });
        return 0;
    }

    private static async Task SetupAsync(HttpClient http, int leads, int stages, int reps)
    {
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/pipelines/chain") { Content = new StringContent(Workload.ChainYaml("chain", stages), Encoding.UTF8, "application/yaml") })
        {
            put.Headers.Add("X-SalesCoach-User", "admin");
            using var response = await http.SendAsync(put);
            await EnsureAsync(response, "PUT pipeline");
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, reps), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/reps/{Workload.RepId(i)}") { Content = JsonContent.Create(new { name = $"Rep {i}", email = $"rep{i}@bench.example" }) };
            put.Headers.Add("X-SalesCoach-User", "admin");
            using var response = await http.SendAsync(put);
            await EnsureAsync(response, "PUT rep");
        });

        await Parallel.ForEachAsync(Enumerable.Range(0, leads), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/leads")
            {
                Content = JsonContent.Create(new { id = $"lead-{i}", name = $"Lead {i}", value = 10_000, product = "chain", pipelineId = "chain", ownerId = Workload.RepId(i % reps) }),
            };
            post.Headers.Add("X-SalesCoach-User", "admin");
            using var response = await http.SendAsync(post);
            await EnsureAsync(response, "POST lead");
        });
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record RoundResult(double Rate, List<double> Latencies, List<double> Starts, long Errors);

    private static async Task<RoundResult> RunHealthAsync(HttpClient http, int concurrency, TimeSpan duration) =>
        await RunAsync(concurrency, duration, async () =>
        {
            using var response = await http.GetAsync("/healthz");
            await response.Content.LoadIntoBufferAsync();
            return response.StatusCode == HttpStatusCode.OK;
        });

    private static async Task<RoundResult> RunInvokesAsync(HttpClient http, LeadQueue queue, string serviceUrl, int concurrency, TimeSpan duration) =>
        await RunAsync(concurrency, duration, async () =>
        {
            if (queue.Next() is not { } next)
            {
                return null;
            }

            var body = InvokeJson(next.Rep, next.Lead, $"s{next.Stage}-a", serviceUrl);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/api/messages", content);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("statusCode", out var status) && status.GetInt32() == 200;
        });

    /// <summary>Each client loops until the time is up (or no work is left); latency per request in ms.</summary>
    private static async Task<RoundResult> RunAsync(int concurrency, TimeSpan duration, Func<Task<bool?>> request)
    {
        var latencies = new List<double>[concurrency];
        var starts = new List<double>[concurrency];
        long errors = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(4096);
            var myStarts = starts[c] = new List<double>(4096);
            while (stopwatch.Elapsed < duration)
            {
                var startedAt = stopwatch.Elapsed.TotalMilliseconds;
                var start = Stopwatch.GetTimestamp();
                bool? ok;
                try
                {
                    ok = await request();
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                if (ok is null)
                {
                    break;
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                myStarts.Add(startedAt);
                if (ok == false)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return new RoundResult(all.Count / stopwatch.Elapsed.TotalSeconds, all, starts.SelectMany(s => s).ToList(), errors);
    }

    private static string InvokeJson(string rep, string lead, string taskId, string serviceUrl) => $$$"""
        {"type":"invoke","name":"adaptiveCard/action","id":"f:{{{Guid.NewGuid():N}}}","timestamp":"{{{DateTimeOffset.UtcNow:O}}}",
         "serviceUrl":"{{{serviceUrl}}}/connector/","channelId":"msteams",
         "from":{"id":"29:{{{rep}}}","name":"{{{rep}}}","aadObjectId":"{{{rep}}}"},
         "conversation":{"id":"a:conversation-{{{rep}}}","conversationType":"personal","tenantId":"tenant-1"},
         "recipient":{"id":"28:bench-bot","name":"SalesCoach"},"channelData":{"tenant":{"id":"tenant-1"}},"locale":"en-US",
         "value":{"action":{"type":"Action.Execute","verb":"task.complete","data":{"card":"taskPrompt","leadId":"{{{lead}}}","taskId":"{{{taskId}}}"}},"trigger":"manual"}}
        """;

    /// <summary>Hands out (lead, next stage) pairs so that a lead's completions are in order and never concurrent.</summary>
    private sealed class LeadQueue(int leads, int reps, int stages)
    {
        private readonly object gate = new();
        private readonly Queue<(int Lead, int Stage)> ready = new(Enumerable.Range(0, leads).Select(i => (i, 0)));

        public bool Exhausted { get; private set; }

        public (string Lead, string Rep, int Stage)? Next()
        {
            lock (gate)
            {
                if (!ready.TryDequeue(out var item))
                {
                    Exhausted = true;
                    return null;
                }

                // The lead goes back to the end of the queue for its next stage: far enough behind that this completion has answered.
                if (item.Stage + 1 < stages - 1)
                {
                    ready.Enqueue((item.Lead, item.Stage + 1));
                }

                return ($"lead-{item.Lead}", Workload.RepId(item.Lead % reps), item.Stage);
            }
        }
    }

    private sealed class Sink(WebApplication app, string url) : IAsyncDisposable
    {
        private long count;

        public string Url { get; } = url;

        public long Count => Interlocked.Read(ref count);

        public void Hit() => Interlocked.Increment(ref count);

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    /// <summary>A loopback HTTP sink that answers 200 to anything: the bot's webhook notifier and connector go here.</summary>
    private static async Task<Sink> StartSinkAsync()
    {
        var port = BenchSilo.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        Sink? sink = null;
        app.Run(async context =>
        {
            sink?.Hit();
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync("{}");
        });
        await app.StartAsync();
        sink = new Sink(app, $"http://127.0.0.1:{port}");
        return sink;
    }
}
