using System.Net;
using System.Net.Sockets;

namespace SalesCoach.Tests.Shared;

/// <summary>Loopback TCP ports that are free right now (the OS picks them), for silo, gateway and HTTP endpoints.</summary>
public static class FreeTcpPorts
{
    public static int[] Take(int count)
    {
        // Hold every listener until all are picked, so the OS cannot hand out the same port twice.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
