using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using SalesCoach.Common;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Storage.Memory;
using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Bench;

/// <summary>Counts and timestamps what the rep outboxes send, instead of Teams.</summary>
public sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<(DateTimeOffset At, Notification Notification)> Sent { get; } = new();

    public bool Keep { get; set; }

    public long Count => Interlocked.Read(ref count);

    private long count;

    public Task SendAsync(Notification notification, ConversationReference? conversation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        if (Keep)
        {
            Sent.Enqueue((DateTimeOffset.UtcNow, notification));
        }

        return Task.CompletedTask;
    }
}

/// <summary>An in-process silo configured as the bot's: the grains, one storage profile, the reminder service.</summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost host;

    private BenchSilo(IHost host, RecordingNotifier notifier) => (this.host, Notifier) = (host, notifier);

    public RecordingNotifier Notifier { get; }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <param name="sqlitePath">null: memory storage and reminders; else SQLite for both, as the embedded default.</param>
    /// <param name="synchronous">The SQLite synchronous pragma (FULL = acknowledged is on disk, the provider's default).</param>
    /// <param name="notifier">Records what the rep outboxes send; a new one when null.</param>
    /// <param name="configure">Changes to the silo after the storage profile (e.g. one storage name replaced).</param>
    public static async Task<BenchSilo> StartAsync(
        string? sqlitePath, string synchronous = SqliteStorageOptions.DefaultSynchronous, RecordingNotifier? notifier = null, Action<ISiloBuilder>? configure = null)
    {
        notifier ??= new RecordingNotifier();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "salescoach-bench", clusterId: "bench");
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1));
            if (CallProfile.Enabled)
            {
                silo.AddIncomingGrainCallFilter<CallProfile>();
            }

            if (sqlitePath is null)
            {
                foreach (var name in StorageNames.All)
                {
                    silo.AddBinaryMemoryGrainStorage(name);
                }

                silo.UseInMemoryReminderService();
            }
            else
            {
                foreach (var name in StorageNames.All)
                {
                    silo.AddSqliteGrainStorage(name, o => (o.Path, o.Synchronous) = (sqlitePath, synchronous));
                    CountingStorage.Wrap(silo, name);
                }

                silo.UseSqliteReminderService(o => (o.Path, o.Synchronous) = (sqlitePath, synchronous));
            }

            configure?.Invoke(silo);
        });
        builder.Services.AddSingleton<INotifier>(notifier);
        builder.Services.AddSalesCoachDomain(); // the host's clock, enricher and rep options
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, notifier);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The work the command measures run: a chain pipeline where every task completion meets a nested goal.</summary>
public static class Workload
{
    /// <summary>
    /// Stages s0..s(n-1); stage i has tasks si-a and si-b (owner's, due in 1 and 2 days) and the goal
    /// all: [taskCompleted si-a, any: [fieldSet value, manual]] — so completing si-a evaluates a nested goal,
    /// skips si-b, exits the stage, enters the next one with two new tasks and updates the owner's agenda.
    /// </summary>
    public static string ChainYaml(string id, int stages, string dueA = "P1D", string dueB = "P2D")
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"id: {id}\nname: Bench chain {id}\ncriteria: {{products: [{id}]}}\nstages:");
        for (var i = 0; i < stages; i++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - id: s{i}\n    name: Stage {i}\n    guidance: Do stage {i}.");
            if (i < stages - 1)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    goal: {{all: [{{taskCompleted: s{i}-a}}, {{any: [{{fieldSet: value}}, {{manual: true}}]}}]}}");
            }

            yaml.AppendLine(CultureInfo.InvariantCulture, $"    tasks:\n      - {{id: s{i}-a, title: Task A of stage {i}, dueAfter: {dueA}}}\n      - {{id: s{i}-b, title: Task B of stage {i}, dueAfter: {dueB}}}");
        }

        return yaml.ToString();
    }

    /// <summary>One stage (manual goal) with <paramref name="tasks"/> owner tasks all due after <paramref name="dueAfter"/>.</summary>
    public static string ManyTasksYaml(string id, int tasks, string dueAfter)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"id: {id}\nname: Bench tasks {id}\ncriteria: {{products: [{id}]}}\nstages:");
        yaml.AppendLine("  - id: work\n    name: Work\n    guidance: Work.\n    goal: {manual: true}\n    tasks:");
        for (var t = 0; t < tasks; t++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      - {{id: t{t}, title: Task {t}, dueAfter: {dueAfter}}}");
        }

        yaml.AppendLine("  - id: done\n    name: Done");
        return yaml.ToString();
    }

    public static async Task SavePipelineAsync(IGrainFactory grains, string yaml)
    {
        var (pipeline, problems) = PipelineReader.ReadYaml(yaml);
        if (pipeline is null)
        {
            throw new InvalidOperationException("bench pipeline invalid: " + string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")));
        }

        var saved = await grains.GetGrain<IPipelineGrain>(pipeline.Id).SaveAsync(pipeline, Actor.System);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("bench pipeline not saved");
        }
    }

    public static string RepId(int i) => $"rep{i:D5}";

    public static async Task CreateRepsAsync(IGrainFactory grains, int reps, int concurrency = 32)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, reps), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
            await grains.GetGrain<IRepGrain>(RepId(i)).SaveProfileAsync(new RepProfile { Id = RepId(i), Name = $"Rep {i}", Email = $"rep{i}@bench.example" }));
    }

    /// <summary>Creates leads <paramref name="first"/>..; lead i is owned by rep i % reps. Returns the views (for due times).</summary>
    public static async Task<LeadView[]> CreateLeadsAsync(IGrainFactory grains, string pipelineId, string prefix, int first, int count, int reps, int concurrency = 64)
    {
        var views = new LeadView[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (k, _) =>
        {
            var i = first + k;
            var created = await grains.GetGrain<ILeadGrain>($"{prefix}{i}").CreateAsync(
                new CreateLead { Facts = new LeadFacts { Name = $"Lead {i}", Value = 10_000, Product = pipelineId }, PipelineId = pipelineId, OwnerId = RepId(i % reps) },
                Actor.System);
            views[k] = created.Value ?? throw new InvalidOperationException($"lead {prefix}{i} not created: {created.Status}");
        });
        return views;
    }
}
