using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Storage.Tests.Sqlite;

/// <summary>A database file in a temp directory of its own, deleted on dispose.</summary>
internal sealed class SqliteTestDatabase : IDisposable, IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "salescoach-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly IOptions<ClusterOptions> _clusterOptions = TestServices.NewClusterOptions();

    /// <summary>Gets the database path; its parent directory does not exist until a provider creates it.</summary>
    public string FilePath => Path.Combine(_directory, "data", "salescoach.db");

    public SqliteStorageOptions CreateOptions() => new()
    {
        Path = FilePath,
        GrainStorageSerializer = new ExactSizeGrainStorageSerializer(TestServices.Serializer, TestServices.Sessions),
    };

    public SqliteGrainStorage CreateGrainStorage()
        => new("test", CreateOptions(), _clusterOptions, TestServices.Activators, NullLogger<SqliteGrainStorage>.Instance);

    public SqliteReminderTable CreateReminderTable()
        => new(CreateOptions(), _clusterOptions, NullLogger<SqliteReminderTable>.Instance);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
