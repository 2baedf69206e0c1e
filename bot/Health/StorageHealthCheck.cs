using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesCoach.Bot.Hosting;

namespace SalesCoach.Bot.Health;

/// <summary>Healthy when the configured storage answers a query (memory storage always does).</summary>
public sealed class StorageHealthCheck(StorageSettings storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!storage.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return HealthCheckResult.Healthy(storage.Provider);
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(storage.Sqlite.Path), Mode = SqliteOpenMode.ReadWrite };
            await using var connection = new SqliteConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM grain_state";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("sqlite");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("the SQLite database cannot be read", e);
        }
    }
}
