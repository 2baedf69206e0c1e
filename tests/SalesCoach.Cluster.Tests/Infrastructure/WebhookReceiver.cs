using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace SalesCoach.Cluster.Tests.Infrastructure;

/// <summary>
/// Stands in for Teams: a loopback HTTP endpoint that the silos' webhook notifier posts to. Counts how
/// often each notification id arrives, whichever silo sent it.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        var port = FreeTcpPorts.Take(1)[0];
        Url = new Uri($"http://127.0.0.1:{port}/notifications/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>How many times each notification id has arrived.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Every notification received, as sent.</summary>
    public IReadOnlyCollection<JsonElement> Received => _received;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stopped while waiting for a request.
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var body = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                var notification = body.RootElement.Clone();
                _received.Enqueue(notification);
                _counts.AddOrUpdate(notification.GetProperty("id").GetString() ?? "", 1, (_, n) => n + 1);
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
