using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using SalesCoach.Common;
using SalesCoach.DirectorySync;
using SalesCoach.Enrichment;
using SalesCoach.Lists;
using SalesCoach.Reps;
using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>
/// An Orleans test cluster on a real SQLite file (grain state and reminders), with business time
/// on a <see cref="FakeTimeProvider"/> and a <see cref="RecordingNotifier"/> in place of Teams.
/// It can be restarted on the same file to prove what survives a restart, and its storage can be made
/// to fail chosen writes (<see cref="StorageFaults"/>).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<string, ClusterFixture> Fixtures = new();
    private readonly string id = Guid.NewGuid().ToString("N");
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"salescoach-grains-{Guid.NewGuid():N}");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public RecordingNotifier Notifier { get; } = new();

    public RecordingEmailLists EmailLists { get; } = new();

    public RecordingTeamsAppInstaller TeamsApps { get; } = new();

    /// <summary>Write failures a test arms; every storage goes through <see cref="FaultyStorage"/>.</summary>
    public StorageFaults StorageFaults { get; } = new();

    /// <summary>What the silo logged.</summary>
    public RecordingLogs Logs { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public string DatabasePath => Path.Combine(directory, "salescoach.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        Fixtures[id] = this;
        await StartAsync();
    }

    /// <summary>Stops every silo and starts a new cluster on the same database file.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await StartAsync();
    }

    /// <summary>The primary silo's grain storage named <paramref name="name"/>, to store rows as an older version did.</summary>
    public IGrainStorage Storage(string name) =>
        ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>How many reminder rows the given grain has in the SQLite reminder table.</summary>
    public Task<int> ReminderRowsAsync(string grainIdPrefix) =>
        CountAsync("SELECT count(*) FROM reminders WHERE grain_id LIKE $prefix", ("$prefix", grainIdPrefix + "%"));

    /// <summary>Journal pages stored for a grain (<c>&lt;snapshotName&gt;.journal.&lt;n&gt;</c> rows of the grain whose key is <paramref name="key"/>).</summary>
    public Task<int> JournalPagesAsync(string snapshotName, string key) =>
        CountAsync(
            "SELECT count(*) FROM grain_state WHERE state_name LIKE $pages AND grain_id LIKE $grain",
            ("$pages", snapshotName + ".journal.%"),
            ("$grain", $"%/{key}"));

    private async Task<int> CountAsync(string sql, params (string Name, string Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Fixtures.TryRemove(id, out _);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory left behind is harmless
        }
    }

    private async Task StartAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = $"salescoach-{id}"; // stored rows are keyed by service id: a restart must keep it
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["FixtureId"] = id }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var fixture = Fixtures[silo.Configuration["FixtureId"]!];
            foreach (var name in StorageNames.All)
            {
                silo.AddSqliteGrainStorage(name, o => o.Path = fixture.DatabasePath);
                silo.Services.AddGrainStorage(name, (services, n) => new FaultyStorage(
                    ActivatorUtilities.CreateInstance<SqliteGrainStorage>(services, n, services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(n)),
                    fixture.StorageFaults));
            }

            silo.UseSqliteReminderService(o => o.Path = fixture.DatabasePath);
            silo.Services.AddSingleton(new SalesClock(fixture.Time));
            silo.Services.AddSingleton<INotifier>(fixture.Notifier);
            silo.Services.AddSingleton<ILoggerProvider>(fixture.Logs);
            silo.Services.AddSingleton<IEmailLists>(fixture.EmailLists);
            silo.Services.AddSingleton<ITeamsAppInstaller>(fixture.TeamsApps);
            silo.Services.AddSalesCoachDomain(); // after the fake clock: TryAdd keeps it
        }
    }
}
