using Orleans.Runtime;
using Orleans.Storage;

namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// Options for the SQLite grain storage and reminder table.
/// </summary>
public sealed class SqliteStorageOptions : IStorageSerializerOptions
{
    /// <summary>The default for <see cref="Synchronous"/>: an acknowledged write is on disk.</summary>
    public const string DefaultSynchronous = "FULL";

    /// <summary>Gets or sets the path of the database file (required); its directory is created if missing.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Gets or sets the SQLite <c>synchronous</c> pragma: <c>OFF</c>, <c>NORMAL</c>, <c>FULL</c> or <c>EXTRA</c>.
    /// </summary>
    /// <remarks>
    /// <c>FULL</c> by default: with WAL, <c>NORMAL</c> may lose the last commits on power loss, and Orleans
    /// treats a completed <c>WriteStateAsync</c> as durable.
    /// </remarks>
    public string Synchronous { get; set; } = DefaultSynchronous;

    /// <summary>Gets or sets how long a connection waits for a lock held by another writer before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the serializer for grain state. When null, an <see cref="ExactSizeGrainStorageSerializer"/>
    /// over the silo's <c>Orleans.Serialization.Serializer</c> is used.
    /// </summary>
    public IGrainStorageSerializer? GrainStorageSerializer { get; set; }

    /// <summary>Gets or sets the silo lifecycle stage at which the grain storage creates its schema.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;
}
