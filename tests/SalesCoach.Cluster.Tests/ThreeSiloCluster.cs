using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using SalesCoach.Cluster.Tests.Infrastructure;
using SalesCoach.Testing.Cosmos;

namespace SalesCoach.Cluster.Tests;

/// <summary>
/// The scenario the cluster tests check, run once: Redis for membership, the Cosmos DB test server for state
/// and reminders, three SalesCoach hosts on loopback. Leads are created and then driven with commands through
/// all three hosts; when half the commands are acknowledged, the host whose silo holds the most leads is
/// killed with SIGKILL. Each command is retried (same operation id, so idempotent) through the other hosts
/// until it is acknowledged. Every lead has a task that falls due after the kill.
/// </summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public const string Admin = "admin";
    public const string PipelineId = "cluster";
    public const string TaskId = "call";
    public const int LeadCount = 24;
    public const int Rounds = 6;

    /// <summary>Long enough that the kill and its detection happen first; short enough to keep the test quick.</summary>
    private static readonly TimeSpan TaskDueAfter = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(60);
    private static readonly string[] RepIds = ["r0", "r1", "r2", "r3", "r4", "r5"];

    private readonly string _directory = Directory.CreateTempSubdirectory("salescoach-cluster-").FullName;
    private readonly string _serviceId = $"cluster-{Guid.NewGuid():N}";
    private readonly List<SiloProcess> _silos = [];
    private readonly ConcurrentBag<(string LeadId, string ExternalId)> _acknowledged = [];
    private int _failedAttempts;
    private RedisServerProcess? _redis;
    private CosmosServerProcess? _cosmos;
    private IHost? _client;

    public WebhookReceiver Webhook { get; } = new();

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IReadOnlyList<string> LeadIds { get; } = [.. Enumerable.Range(0, LeadCount).Select(i => $"lead-{i:D2}")];

    /// <summary>Gets the silo killed mid-load.</summary>
    public SiloProcess Victim { get; private set; } = null!;

    /// <summary>Gets the leads whose grains were active on the victim when it was killed.</summary>
    public IReadOnlyList<string> VictimLeads { get; private set; } = [];

    /// <summary>Gets, after the load, the silo port that each of the victim's leads is active on.</summary>
    public IReadOnlyDictionary<string, int?> VictimLeadsNowOn { get; private set; } = new Dictionary<string, int?>();

    /// <summary>Gets every (lead, activity external id) the API acknowledged with 200.</summary>
    public IReadOnlyCollection<(string LeadId, string ExternalId)> Acknowledged => _acknowledged;

    /// <summary>Gets how many attempts failed (connection refused, timeout, 5xx) and were retried through another host.</summary>
    public int FailedAttempts => _failedAttempts;

    /// <summary>Gets how many commands were acknowledged before the kill.</summary>
    public int AcknowledgedBeforeKill { get; private set; }

    /// <summary>Gets each lead's activity external ids as read through a surviving host after the load.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> FinalActivities { get; private set; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>Gets the timings of the phases, for the test output.</summary>
    public IDictionary<string, TimeSpan> Timings { get; } = new Dictionary<string, TimeSpan>();

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var redis = RedisServerProcess.StartAsync();
        var cosmos = CosmosServerProcess.StartAsync();
        _redis = await redis;
        _cosmos = await cosmos;
        StartSilos();
        await Task.WhenAll(_silos.Select(s => s.WaitHealthyAsync(TimeSpan.FromSeconds(120))));
        Timings["cluster started"] = clock.Elapsed;

        await SetUpAsync();
        await CreateLeadsAsync();
        _client = await ConnectClientAsync();
        var placement = await PlacementAsync(LeadIds);
        Victim = _silos.OrderByDescending(s => placement.Values.Count(port => port == s.SiloPort)).First();
        VictimLeads = [.. placement.Where(p => p.Value == Victim.SiloPort).Select(p => p.Key)];
        Timings["leads created"] = clock.Elapsed;

        await DriveLoadAndKillAsync();
        Timings["load done (kill included)"] = clock.Elapsed;

        FinalActivities = await ReadFinalActivitiesAsync();
        VictimLeadsNowOn = await PlacementAsync(VictimLeads);
        Timings["final state read"] = clock.Elapsed;
    }

    /// <summary>The task-due notification ids expected: one per lead (each lead's owner is told once).</summary>
    public bool AllTasksNotified() => LeadIds.All(id => Webhook.Counts.Keys.Any(n => IsTaskDue(n, id)));

    public static bool IsTaskDue(string notificationId, string leadId)
        => notificationId.StartsWith($"due:{leadId}/{TaskId}@", StringComparison.Ordinal);

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Webhook.DisposeAsync();
        if (_cosmos is not null)
        {
            await _cosmos.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log still open only leaves a temp directory behind.
        }
    }

    /// <summary>The silos' logs, for a failing assertion's message.</summary>
    public string Logs() => string.Join("\n", _silos.Select(s => s.LogPath));

    private void StartSilos()
    {
        var ports = FreeTcpPorts.Take(3 * 3);
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Cosmos",
            ["Storage:Cosmos:Endpoint"] = _cosmos!.Endpoint,
            ["Storage:Cosmos:Key"] = CosmosServerProcess.Key,
            ["Storage:Cosmos:Database"] = _serviceId,
            ["Storage:Cosmos:ConnectionMode"] = "Gateway",
            ["Storage:Cosmos:LimitToEndpoint"] = "true",
            ["Orleans:Clustering"] = "Redis",
            ["Orleans:Redis:ConnectionString"] = _redis!.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Orleans:ClusterId"] = _serviceId,
            ["Orleans:ServiceId"] = _serviceId,

            // Death detection in seconds rather than the production defaults' tens of seconds; not so tight that a
            // silo starved of CPU by the other test suites on a two-core machine is declared dead by mistake.
            ["Orleans:Membership:ProbeTimeout"] = "00:00:03",
            ["Orleans:Membership:NumMissedProbesLimit"] = "3",
            ["Orleans:Membership:TableRefreshTimeout"] = "00:00:05",
            ["Orleans:Messaging:ResponseTimeout"] = "00:00:10",
            ["Notifications:Webhook:Url"] = Webhook.Url.ToString(),
            ["Seed:Sample"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        // The hosts trust the test server's self-signed certificate through OpenSSL's SSL_CERT_FILE, and nothing else.
        var environment = new Dictionary<string, string> { ["SSL_CERT_FILE"] = _cosmos.CertificatePath, ["DOTNET_gcServer"] = "0" };
        for (var i = 0; i < 3; i++)
        {
            _silos.Add(SiloProcess.Start(i, ports[3 * i], ports[(3 * i) + 1], ports[(3 * i) + 2], settings, environment, _directory));
        }
    }

    private async Task SetUpAsync()
    {
        var pipeline = new
        {
            id = PipelineId,
            name = "Cluster test",
            stages = new object[]
            {
                new
                {
                    id = "work", name = "Work", probability = 0.2, goal = new { manual = true },
                    tasks = new[] { new { id = TaskId, title = "Call the customer", dueAfter = XmlDuration(TaskDueAfter), assignee = "owner" } },
                },
                new { id = "close", name = "Close", probability = 0.8, goal = new { manual = true }, tasks = Array.Empty<object>() },
            },
        };
        await AcknowledgeAsync(HttpMethod.Put, $"/api/pipelines/{PipelineId}", pipeline, preferred: 0);
        for (var i = 0; i < RepIds.Length; i++)
        {
            await AcknowledgeAsync(HttpMethod.Put, $"/api/reps/{RepIds[i]}", new { name = $"Rep {i}", email = $"{RepIds[i]}@contoso.example" }, preferred: i);
        }
    }

    private async Task CreateLeadsAsync()
    {
        using var parallel = new SemaphoreSlim(4);
        await Task.WhenAll(LeadIds.Select(async (id, i) =>
        {
            await parallel.WaitAsync();
            try
            {
                var body = new { id, name = $"Lead {i}", pipelineId = PipelineId, ownerId = RepIds[i % RepIds.Length] };
                await AcknowledgeAsync(HttpMethod.Post, "/api/leads", body, preferred: i);
            }
            finally
            {
                parallel.Release();
            }
        }));
    }

    /// <summary>Sends every round of commands, four at a time; kills the victim once half are acknowledged.</summary>
    private async Task DriveLoadAndKillAsync()
    {
        var commands = Enumerable.Range(0, Rounds)
            .SelectMany(round => LeadIds.Select((id, i) => (LeadId: id, ExternalId: $"{id}-r{round}", Preferred: i + round)))
            .ToList();
        var half = commands.Count / 2;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var parallel = new SemaphoreSlim(4);
        var load = Task.WhenAll(commands.Select(async command =>
        {
            await parallel.WaitAsync();
            try
            {
                var activity = new { type = "note", subject = $"note {command.ExternalId}", externalId = command.ExternalId };
                await AcknowledgeAsync(HttpMethod.Post, $"/api/leads/{command.LeadId}/activities", activity, command.Preferred);
                _acknowledged.Add((command.LeadId, command.ExternalId));
                if (_acknowledged.Count >= half && !Victim.Killed)
                {
                    lock (killed)
                    {
                        if (!Victim.Killed)
                        {
                            AcknowledgedBeforeKill = _acknowledged.Count;
                            Victim.Kill();
                            killed.TrySetResult();
                        }
                    }
                }
            }
            finally
            {
                parallel.Release();
            }
        }));
        await load;
        await killed.Task;
    }

    private async Task<Dictionary<string, IReadOnlySet<string>>> ReadFinalActivitiesAsync()
    {
        var result = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var (id, i) in LeadIds.Select((id, i) => (id, i)))
        {
            using var response = await AcknowledgeAsync(HttpMethod.Get, $"/api/leads/{id}", null, i);
            using var lead = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            result[id] = lead.RootElement.GetProperty("activities").EnumerateArray()
                .Select(a => a.TryGetProperty("externalId", out var e) ? e.GetString() ?? "" : "")
                .ToHashSet(StringComparer.Ordinal);
        }

        return result;
    }

    /// <summary>
    /// Sends one command until a host acknowledges it: starting with the preferred host, moving to the next
    /// live one after a connection error, a timeout or a 5xx (the grain's silo may be dead and not yet declared so).
    /// </summary>
    private async Task<HttpResponseMessage> AcknowledgeAsync(HttpMethod method, string path, object? body, int preferred)
    {
        var clock = Stopwatch.StartNew();
        var attempt = 0;
        var errors = new List<string>();
        while (true)
        {
            var live = _silos.Where(s => !s.Killed).ToList();
            var silo = live[(preferred + attempt) % live.Count];
            attempt++;
            try
            {
                var response = await silo.SendAsync(method, path, Admin, body is null ? null : JsonContent.Create(body));
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                errors.Add($"silo {silo.Index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                response.Dispose();
                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"{method} {path} was refused: {errors[^1]}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors.Add($"silo {silo.Index}: {e.GetType().Name} {e.Message}");
            }

            Interlocked.Increment(ref _failedAttempts);
            if (clock.Elapsed > CommandDeadline)
            {
                throw new TimeoutException($"{method} {path} not acknowledged within {CommandDeadline}: {string.Join(" | ", errors.TakeLast(5))}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * attempt)));
        }
    }

    private async Task<IHost> ConnectClientAsync()
    {
        var host = new HostBuilder()
            .UseOrleansClient(client => client
                .UseRedisClustering(_redis!.ConnectionString)
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (_serviceId, _serviceId)))
            .Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The silo port each lead grain is active on (null: not active anywhere).</summary>
    private async Task<IReadOnlyDictionary<string, int?>> PlacementAsync(IEnumerable<string> leadIds)
    {
        var grains = _client!.Services.GetRequiredService<IClusterClient>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var result = new Dictionary<string, int?>();
        foreach (var id in leadIds)
        {
            var address = await management.GetActivationAddress(grains.GetGrain(GrainId.Create("lead", id)));
            result[id] = address?.Endpoint.Port;
        }

        return result;
    }

    private static string XmlDuration(TimeSpan value) => $"PT{(int)value.TotalSeconds}S".ToString(CultureInfo.InvariantCulture);
}
