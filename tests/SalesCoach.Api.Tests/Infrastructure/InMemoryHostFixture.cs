using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>
/// An in-memory host on a SQLite file of its own, for a test collection to share (a silo takes seconds
/// to start): one HTTP client per caller, business time on a <see cref="FakeTimeProvider"/>, and the
/// files removed afterwards. The fixtures differ only in the host they build (<see cref="CreateFactory"/>).
/// </summary>
public abstract class InMemoryHostFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "salescoach-api-tests", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, HttpClient> clients = new();
    private WebApplicationFactory<Program>? factory;

    /// <summary>Business time; starts on 2026-11-28 09:00 UTC.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(directory, "salescoach.db");

    /// <summary>The in-memory server, for requests that need control over the connection (e.g. the remote address).</summary>
    public TestServer Server => Factory.Server;

    public IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("the host has not started");

    public virtual async Task InitializeAsync()
    {
        factory = CreateFactory();
        using var response = await Anonymous().GetAsync("/healthz"); // creating the first client starts the host
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the host started but /healthz answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A client that sends <c>X-SalesCoach-User: <paramref name="callerId"/></c> (one per caller, reused; none for an empty id).</summary>
    public HttpClient As(string callerId) => callerId.Length == 0 ? Anonymous() : clients.GetOrAdd(callerId, id =>
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Add("X-SalesCoach-User", id);
        return client;
    });

    /// <summary>A client that names no caller.</summary>
    public HttpClient Anonymous() => clients.GetOrAdd("", _ => NewClient());

    public virtual async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        TempDirectory.Delete(directory);
    }

    /// <summary>The host: a <see cref="SalesCoachApplicationFactory"/> on <see cref="DatabasePath"/> and <see cref="Clock"/>, with what the fixture adds.</summary>
    protected abstract WebApplicationFactory<Program> CreateFactory();

    private HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
