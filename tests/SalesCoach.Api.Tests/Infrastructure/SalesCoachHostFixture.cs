using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>
/// One in-memory host shared by every HTTP test class (a silo takes seconds to start). Tests stay
/// independent by using ids of their own (<see cref="UniqueId"/>); business time is a
/// <see cref="FakeTimeProvider"/> that only moves when a test moves it.
/// </summary>
public sealed class SalesCoachHostFixture : IAsyncLifetime
{
    /// <summary>The caller that <c>Auth:Admins</c> makes an administrator by default.</summary>
    public const string Admin = "admin";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "salescoach-api-tests", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new();
    private SalesCoachApplicationFactory? _factory;

    /// <summary>Business time; starts on 2026-11-28 09:00 UTC.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(_directory, "salescoach.db");

    /// <summary>The in-memory server, for requests that need control over the connection (e.g. the remote address).</summary>
    public TestServer Server => Factory.Server;

    private SalesCoachApplicationFactory Factory => _factory ?? throw new InvalidOperationException("the host has not started");

    public async Task InitializeAsync()
    {
        _factory = new SalesCoachApplicationFactory(DatabasePath, Clock);
        using var response = await Anonymous().GetAsync("/healthz"); // creating the first client starts the host
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the host started but /healthz answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        if (!File.Exists(DatabasePath))
        {
            throw new InvalidOperationException($"the host did not take its settings: no database at {DatabasePath}");
        }
    }

    /// <summary>A client that sends <c>X-SalesCoach-User: <paramref name="callerId"/></c> (one per caller, reused).</summary>
    public HttpClient As(string callerId) => _clients.GetOrAdd(callerId, id =>
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Add("X-SalesCoach-User", id);
        return client;
    });

    /// <summary>A client that names no caller.</summary>
    public HttpClient Anonymous() => _clients.GetOrAdd("", _ => NewClient());

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp directory behind.
        }
    }

    private HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
