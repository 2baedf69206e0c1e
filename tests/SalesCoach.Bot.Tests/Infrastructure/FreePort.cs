using System.Net;
using System.Net.Sockets;

namespace SalesCoach.Bot.Tests.Infrastructure;

/// <summary>A TCP port nothing listens on right now (for each test host's silo and gateway).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
