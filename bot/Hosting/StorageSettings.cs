namespace SalesCoach.Bot.Hosting;

/// <summary>Where grain state and reminders live (section <c>Storage</c>).</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Memory</c> (nothing kept; for benchmarks).</summary>
    public string Provider { get; set; } = "Sqlite";

    public SqliteSettings Sqlite { get; set; } = new();

    /// <summary>SQLite settings (section <c>Storage:Sqlite</c>).</summary>
    public sealed class SqliteSettings
    {
        /// <summary>The database file; relative paths are relative to the working directory.</summary>
        public string Path { get; set; } = "data/salescoach.db";
    }
}
