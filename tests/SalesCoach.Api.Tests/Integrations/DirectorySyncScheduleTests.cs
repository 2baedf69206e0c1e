using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Api.Tests.Infrastructure;
using SalesCoach.Bot.Integrations.Graph;
using SalesCoach.DirectorySync;
using SalesCoach.Reps;
using SalesCoach.Teams;
using Request = WireMock.RequestBuilders.Request;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>
/// The scheduled directory sync: <see cref="DirectorySyncService"/> on a <see cref="FakeTimeProvider"/> syncs at
/// start and then once per interval — only when the fake clock reaches it — feeding the rep and team grains of the
/// shared host from a Graph stub through the real SDK; a failing sync is logged and the next interval tries again.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DirectorySyncScheduleTests(SalesCoachHostFixture host) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    private readonly GraphStub graph = new();
    private readonly FakeTimeProvider time = new(Start);
    private readonly RecordingLogger<DirectorySyncService> log = new();
    private readonly string ana = UniqueId.New("ana"), bo = UniqueId.New("bo"), maria = UniqueId.New("maria"), team = UniqueId.New("team");

    private IGrainFactory Grains => host.Server.Services.GetRequiredService<IGrainFactory>();

    private static WireMock.RequestBuilders.IRequestBuilder Users() => Request.Create().WithPath("/v1.0/users").UsingGet()
        .WithParam("$expand", "manager($select=id)").WithHeader("Authorization", $"Bearer {GraphStub.Token}");

    private JsonObject UsersPage(string anaName) => new()
    {
        ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName,manager(id))",
        ["value"] = new JsonArray(
            new JsonObject
            {
                ["id"] = ana, ["displayName"] = anaName, ["mail"] = "ana@contoso.example", ["userPrincipalName"] = "ana@contoso.example",
                ["manager"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = maria },
            },
            new JsonObject
            {
                ["id"] = bo, ["displayName"] = "Bo", ["mail"] = null, ["userPrincipalName"] = "bo@contoso.example",
                ["manager"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = maria },
            }),
    };

    private void StubGroup() =>
        graph.Server.Given(Request.Create().WithPath("/v1.0/groups/g-sales/members/graph.user").UsingGet().WithHeader("Authorization", $"Bearer {GraphStub.Token}"))
            .RespondWith(GraphStub.Json(new JsonObject { ["value"] = new JsonArray(new JsonObject { ["id"] = ana }, new JsonObject { ["id"] = bo }) }));

    /// <summary>The service as the host builds it, on the fake clock, the Graph stub and the shared host's grains.</summary>
    private (DirectorySyncService Service, TimedDirectory Directory) Service()
    {
        var options = Options.Create(new GraphOptions { SyncInterval = Interval, TeamGroups = new() { [team] = "g-sales" } });
        var directory = new TimedDirectory(new GraphDirectory(graph.Client()), time);
        var services = new ServiceCollection().AddSingleton(new DirectorySynchronizer(directory, Grains, options)).BuildServiceProvider();
        return (new DirectorySyncService(services, directory, options, log, time), directory);
    }

    [Fact]
    public async Task Service_Configured_SyncsAtStartThenAtEachIntervalIntoTheRepAndTeamGrains()
    {
        graph.Server.Given(Users()).RespondWith(GraphStub.Json(UsersPage("Ana")));
        StubGroup();
        var (service, directory) = Service();

        await service.StartAsync(CancellationToken.None);
        await log.WaitForAsync("Directory synced");

        var anaProfile = (await Grains.GetGrain<IRepGrain>(ana).GetProfileAsync())!;
        Assert.Equal(("Ana", "ana@contoso.example", maria, team), (anaProfile.Name, anaProfile.Email, anaProfile.ManagerId, anaProfile.TeamId));
        Assert.Equal("bo@contoso.example", (await Grains.GetGrain<IRepGrain>(bo).GetProfileAsync())!.Email);
        var teamProfile = (await Grains.GetGrain<ITeamGrain>(team).GetAsync())!;
        Assert.Equal(maria, teamProfile.ManagerId);
        Assert.Equal([ana, bo], teamProfile.Members);

        time.Advance(Interval - TimeSpan.FromSeconds(1)); // not yet
        time.Advance(TimeSpan.FromSeconds(1));
        await log.WaitForAsync("Directory synced", times: 2);
        time.Advance(Interval);
        await log.WaitForAsync("Directory synced", times: 3);
        await service.StopAsync(CancellationToken.None);

        // Each sync ran exactly when the fake clock reached it: at start, then one interval apart.
        Assert.Equal([Start, Start + Interval, Start + Interval + Interval], directory.Synced);
        Assert.Equal(3, graph.Server.LogEntries.Count(e => e.RequestMessage.Path == "/v1.0/users"));
    }

    [Fact]
    public async Task Service_SyncFails_LoggedAndTheNextIntervalSyncsWithoutStoppingTheService()
    {
        graph.Server.Given(Users()).InScenario("sync").WillSetStateTo("down")
            .RespondWith(GraphStub.Json(UsersPage("Ana")));
        graph.Server.Given(Users()).InScenario("sync").WhenStateIs("down").WillSetStateTo("up")
            .RespondWith(GraphStub.Error(500, "generalException", "An internal server error occurred."));
        graph.Server.Given(Users()).InScenario("sync").WhenStateIs("up")
            .RespondWith(GraphStub.Json(UsersPage("Ana Renamed")));
        StubGroup();
        var (service, directory) = Service();

        await service.StartAsync(CancellationToken.None);
        await log.WaitForAsync("Directory synced");
        time.Advance(Interval);
        await log.WaitForAsync("Directory sync failed");
        Assert.False(service.ExecuteTask!.IsCompleted); // still scheduled: a failed sync does not end the service (or the host)
        time.Advance(Interval);
        await log.WaitForAsync("Directory synced", times: 2);
        await service.StopAsync(CancellationToken.None);

        var failure = Assert.Single(log.Entries, e => e.Message.StartsWith("Directory sync failed", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.NotNull(failure.Exception);
        Assert.Equal("Ana Renamed", (await Grains.GetGrain<IRepGrain>(ana).GetProfileAsync())!.Name);
        Assert.Equal([Start, Start + Interval, Start + Interval + Interval], directory.Synced);
    }

    [Fact]
    public async Task Service_NotConfigured_SaysSoAndEnds()
    {
        var options = Options.Create(new GraphOptions());
        var off = new GraphDirectory(null);
        var service = new DirectorySyncService(new ServiceCollection().BuildServiceProvider(), off, options, log, time);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!;

        Assert.Contains(log.Entries, e => e.Message.StartsWith("Microsoft Graph is not configured", StringComparison.Ordinal));
        Assert.Empty(graph.Server.LogEntries);
    }

    public void Dispose() => graph.Dispose();

    /// <summary>The directory, recording the fake clock's time at each sync's user listing.</summary>
    private sealed class TimedDirectory(IDirectory inner, TimeProvider time) : IDirectory
    {
        private readonly ConcurrentQueue<DateTimeOffset> synced = new();

        public IReadOnlyList<DateTimeOffset> Synced => [.. synced];

        public bool IsConfigured => inner.IsConfigured;

        public Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken)
        {
            synced.Enqueue(time.GetUtcNow());
            return inner.ListUsersAsync(cancellationToken);
        }

        public Task<IReadOnlyList<string>> ListGroupMembersAsync(string groupId, CancellationToken cancellationToken) =>
            inner.ListGroupMembersAsync(groupId, cancellationToken);

        public Task<DirectoryMessage?> GetMessageAsync(string userId, string messageId, CancellationToken cancellationToken) =>
            inner.GetMessageAsync(userId, messageId, cancellationToken);

        public Task<bool> InstallTeamsAppAsync(string userId, string teamsAppId, CancellationToken cancellationToken) =>
            inner.InstallTeamsAppAsync(userId, teamsAppId, cancellationToken);

        public Task<string?> FindTeamsAppChatAsync(string userId, string teamsAppId, CancellationToken cancellationToken) =>
            inner.FindTeamsAppChatAsync(userId, teamsAppId, cancellationToken);
    }
}
