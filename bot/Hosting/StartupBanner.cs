using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SalesCoach.Bot.Hosting;

/// <summary>Tells whoever ran <c>dotnet run</c> where SalesCoach is listening and where its data is.</summary>
public sealed partial class StartupBanner(
    IServer server, IHostApplicationLifetime lifetime, StorageSettings storage, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var where = storage.Provider.ToLowerInvariant() switch
            {
                "sqlite" => Path.GetFullPath(storage.Sqlite.Path),
                "cosmos" => $"Cosmos DB {storage.Cosmos.Endpoint}, database {storage.Cosmos.Database}",
                _ => "memory (nothing is kept)",
            };
            foreach (var address in addresses)
            {
                LogListening(address.TrimEnd('/'));
            }

            LogStorage(where);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "SalesCoach is running at {Address}  (API {Address}/api, health {Address}/healthz, OpenAPI {Address}/openapi/v1.json)")]
    private partial void LogListening(string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "SalesCoach data: {Storage}")]
    private partial void LogStorage(string storage);
}
