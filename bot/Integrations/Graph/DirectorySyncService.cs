using Microsoft.Extensions.Options;
using SalesCoach.DirectorySync;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>
/// Syncs the directory every <see cref="GraphOptions.SyncInterval"/> when Graph is configured; says once when it is not.
/// The interval is measured on the injected <see cref="TimeProvider"/> (the host's system clock; tests pass a fake one).
/// </summary>
public sealed partial class DirectorySyncService(
    IServiceProvider services, IDirectory directory, IOptions<GraphOptions> options, ILogger<DirectorySyncService> logger, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!directory.IsConfigured)
        {
            LogNotConfigured();
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SyncInterval, time);
        do
        {
            try
            {
                var result = await services.GetRequiredService<DirectorySynchronizer>().SyncAsync(stoppingToken);
                LogSynced(result.Reps, result.Teams);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSyncFailed(e); // the next tick tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Microsoft Graph is not configured (Graph:TenantId, Graph:ClientId, Graph:ClientSecret or Graph:CertificatePath): no directory sync, no Teams app install, and email logging takes the add-in's fields")]
    private partial void LogNotConfigured();

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory synced: {Reps} reps, {Teams} teams")]
    private partial void LogSynced(int reps, int teams);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory sync failed; will try again at the next interval")]
    private partial void LogSyncFailed(Exception exception);
}
