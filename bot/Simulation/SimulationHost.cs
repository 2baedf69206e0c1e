using System.Net;
using System.Net.Sockets;
using SalesCoach.Common;
using SalesCoach.Reps;
using SalesCoach.Storage.Memory;

namespace SalesCoach.Bot.Simulation;

/// <summary>A silo of its own for a simulation: in-memory storage and reminders, simulated business time, no Teams.</summary>
public static class SimulationHost
{
    public static async Task<IHost> StartAsync(SimulatedTime time)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error))
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "salescoach-sim", clusterId: "sim");
                foreach (var name in StorageNames.All)
                {
                    silo.AddBinaryMemoryGrainStorage(name);
                }

                silo.UseInMemoryReminderService();
                silo.Services.AddSingleton(new SalesClock(time));
                silo.Services.AddSingleton<INotifier, NullNotifier>();
                silo.Services.AddSalesCoachDomain();
            })
            .Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
