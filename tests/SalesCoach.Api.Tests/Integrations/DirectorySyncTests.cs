using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCoach.Api.Tests.Infrastructure;
using SalesCoach.Bot.Integrations.Graph;
using SalesCoach.DirectorySync;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>Directory sync into the rep and team grains, and <c>POST /api/directory/sync</c>.</summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DirectorySyncTests(SalesCoachHostFixture host)
{
    private IGrainFactory Grains => host.Server.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task SyncAsync_UsersAndAGroup_RepsWithManagersAndTheTeamKeepingWhatWasTyped()
    {
        var (ana, bo, maria, team) = (UniqueId.New("ana"), UniqueId.New("bo"), UniqueId.New("maria"), UniqueId.New("team"));
        await Grains.GetGrain<IRepGrain>(ana).SaveProfileAsync(new RepProfile { Id = ana, Name = "old", Email = "old@x.example", Territory = "EMEA", Tier = 2 });
        var directory = new FakeDirectory(
            [new(ana, "Ana", "ana@contoso.example", maria), new(bo, "Bo", "bo@contoso.example", maria), new(maria, "Maria", "maria@contoso.example", null)],
            new() { ["g-1"] = [ana, bo] });
        var synchronizer = new DirectorySynchronizer(directory, Grains, Options.Create(new GraphOptions { TeamGroups = new() { [team] = "g-1" } }));

        var result = await synchronizer.SyncAsync(CancellationToken.None);

        Assert.Equal(new DirectorySynchronizer.Result(true, 3, 1), result);
        var anaProfile = (await Grains.GetGrain<IRepGrain>(ana).GetProfileAsync())!;
        Assert.Equal(("Ana", "ana@contoso.example", maria, team, "EMEA", 2), (anaProfile.Name, anaProfile.Email, anaProfile.ManagerId, anaProfile.TeamId, anaProfile.Territory, anaProfile.Tier));
        var teamProfile = (await Grains.GetGrain<ITeamGrain>(team).GetAsync())!;
        Assert.Equal(maria, teamProfile.ManagerId);
        Assert.Equal([ana, bo], teamProfile.Members);
    }

    [Fact]
    public async Task SyncAsync_InstallAppOnSync_OffersTheAppOnlyToTeamMembersTheBotCannotReach()
    {
        var (ana, bo, maria, team) = (UniqueId.New("ana"), UniqueId.New("bo"), UniqueId.New("maria"), UniqueId.New("team"));
        await Grains.GetGrain<IRepGrain>(ana).SaveConversationAsync(new ConversationReference { ChannelId = "msteams", ConversationId = "a:1", UserId = "29:ana" });
        var directory = new FakeDirectory(
            [new(ana, "Ana", null, maria), new(bo, "Bo", null, maria), new(maria, "Maria", null, null)],
            new() { ["g-1"] = [ana, bo] });
        var options = Options.Create(new GraphOptions { TeamGroups = new() { [team] = "g-1" }, InstallAppOnSync = true });

        var first = await new DirectorySynchronizer(directory, Grains, options, new ProactiveReach(Grains, new SwitchedOnInstaller())).SyncAsync(CancellationToken.None);
        var off = await new DirectorySynchronizer(directory, Grains, Options.Create(new GraphOptions { TeamGroups = new() { [team] = "g-1" } }),
            new ProactiveReach(Grains, new SwitchedOnInstaller())).SyncAsync(CancellationToken.None);

        Assert.Equal(1, first.AppOffered); // bo: in a team, no conversation; ana is reachable, maria is in no sales team
        Assert.Equal(0, off.AppOffered);
    }

    [Fact]
    public async Task Sync_NotAdmin_403()
    {
        using var response = await host.As("ana").PostAsync("/api/directory/sync", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Sync_GraphNotConfigured_409SaysSo()
    {
        using var response = await host.As(SalesCoachHostFixture.Admin).PostAsync("/api/directory/sync", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("graph: not configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class SwitchedOnInstaller : ITeamsAppInstaller
    {
        public bool IsConfigured => true;

        public Task<TeamsAppInstallResult> InstallAsync(string repId, CancellationToken cancellationToken) =>
            Task.FromResult(new TeamsAppInstallResult(TeamsAppInstallOutcome.Installed));

        public Task<TeamsChatResult> FindChatAsync(string repId, CancellationToken cancellationToken) =>
            Task.FromResult(new TeamsChatResult(TeamsChatOutcome.Skipped));
    }

    private sealed class FakeDirectory(IReadOnlyList<DirectoryUser> users, Dictionary<string, IReadOnlyList<string>> groups) : IDirectory
    {
        public bool IsConfigured => true;

        public Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken) => Task.FromResult(users);

        public Task<IReadOnlyList<string>> ListGroupMembersAsync(string groupId, CancellationToken cancellationToken) => Task.FromResult(groups[groupId]);

        public Task<DirectoryMessage?> GetMessageAsync(string userId, string messageId, CancellationToken cancellationToken) => Task.FromResult<DirectoryMessage?>(null);

        public Task<bool> InstallTeamsAppAsync(string userId, string teamsAppId, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<string?> FindTeamsAppChatAsync(string userId, string teamsAppId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
