namespace SalesCoach.Bot.Hosting;

/// <summary>Where grain state and reminders live (section <c>Storage</c>).</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (the embedded default), <c>Cosmos</c> (Azure Cosmos DB, for several silos) or <c>Memory</c> (nothing kept; for benchmarks).</summary>
    public string Provider { get; set; } = "Sqlite";

    public SqliteSettings Sqlite { get; set; } = new();

    public CosmosSettings Cosmos { get; set; } = new();

    /// <summary>SQLite settings (section <c>Storage:Sqlite</c>).</summary>
    public sealed class SqliteSettings
    {
        /// <summary>The database file; relative paths are relative to the working directory.</summary>
        public string Path { get; set; } = "data/salescoach.db";
    }

    /// <summary>Azure Cosmos DB settings (section <c>Storage:Cosmos</c>).</summary>
    public sealed class CosmosSettings
    {
        /// <summary>The account endpoint, e.g. <c>https://contoso.documents.azure.com:443/</c>.</summary>
        public string? Endpoint { get; set; }

        /// <summary>The account key; when empty the host signs in with Microsoft Entra ID (<c>DefaultAzureCredential</c>: a managed identity in Azure).</summary>
        public string? Key { get; set; }

        public string Database { get; set; } = "salescoach";

        public string GrainStateContainer { get; set; } = "grainstate";

        public string ReminderContainer { get; set; } = "reminders";

        /// <summary>Create the database and containers at startup when missing (needs the key, or a control-plane role).</summary>
        public bool CreateIfNotExists { get; set; } = true;

        /// <summary><c>Direct</c> (TCP to the replicas; the default) or <c>Gateway</c> (HTTPS only, e.g. through a restrictive firewall or to an emulator).</summary>
        public string ConnectionMode { get; set; } = "Direct";

        /// <summary>Use only <see cref="Endpoint"/>, never the regional endpoints the account advertises (emulators and test servers).</summary>
        public bool LimitToEndpoint { get; set; }
    }
}
