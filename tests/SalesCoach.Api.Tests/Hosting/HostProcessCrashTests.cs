using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Contract;
using SalesCoach.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCoach.Api.Tests.Hosting;

/// <summary>
/// The real host as a process, killed with SIGKILL after acknowledging changes and restarted on
/// the same SQLite file: every acknowledged change must still be there (API.md "Starting the host").
/// </summary>
[Trait("Category", "Process")]
public sealed class HostProcessCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90); // generous: the machine may be busy building

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "salescoach-process-tests", Guid.NewGuid().ToString("N"));
    private readonly List<BotProcess> _hosts = [];

    private string DatabasePath => Path.Combine(_directory, "data", "salescoach.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Restart_AfterSigkill_KeepsEveryAcknowledgedChange()
    {
        var first = await StartAsync();
        var admin = first.As(SalesCoachHostFixture.Admin);
        var repId = await admin.NewRepAsync();
        var rep = first.As(repId);
        var pipeline = PipelineBuilder.Sales();
        await admin.SavePipelineAsync(pipeline);
        var pipelineVersion = await admin.SavePipelineAsync(pipeline.Named("Crash tested"));
        Assert.Equal(2, pipelineVersion);
        var pipelineBefore = await (await admin.GetAsync($"/api/pipelines/{pipeline.Id}")).ShouldBeAsync(HttpStatusCode.OK);
        var domain = UniqueId.New("acme");
        var acknowledged = new Dictionary<string, string>();
        async Task Ack(string leadId, Task<HttpResponseMessage> command, HttpStatusCode status = HttpStatusCode.OK) =>
            acknowledged[leadId] = await (await command).ShouldBeAsync(status);

        var created = UniqueId.New("created");
        await Ack(created, admin.CreateLeadAsync(pipeline.Lead(created, ownerId: repId)), HttpStatusCode.Created);

        var completed = UniqueId.New("completed");
        await Ack(completed, admin.CreateLeadAsync(pipeline.Lead(completed, ownerId: repId)), HttpStatusCode.Created);
        await Ack(completed, rep.CompleteTaskAsync(completed, "research"));
        await Ack(completed, rep.CompleteTaskAsync(completed, "call", "op-call"));

        var met = UniqueId.New("met");
        await Ack(met, admin.CreateLeadAsync(pipeline.Lead(met, ownerId: repId)), HttpStatusCode.Created);
        await Ack(met, rep.CompleteTaskAsync(met, "call"));
        await Ack(met, rep.LogActivityAsync(met, new { type = "note", subject = "Prep", externalId = "note-1" }));
        await Ack(met, rep.LogActivityAsync(met, new { type = "meeting", direction = "out", subject = "Kick-off", externalId = "meeting-1", tags = new[] { "onsite" } }));

        var won = UniqueId.New("won");
        await Ack(won, admin.CreateLeadAsync(pipeline.Lead(won, ownerId: repId, value: 40000)), HttpStatusCode.Created);
        await Ack(won, rep.AdvanceAsync(won, "close", "op-jump"));
        await Ack(won, rep.WonAsync(won, 42000, "op-won"));

        var patched = UniqueId.New("patched");
        await Ack(patched, admin.CreateLeadAsync(pipeline.Lead(patched, ownerId: repId, emails: [$"old@{domain}.example"])), HttpStatusCode.Created);
        await Ack(patched, rep.PatchLeadAsync(patched, new { value = 900, emails = new[] { $"new@{domain}.example" }, territory = "EMEA" }));
        await Ack(patched, rep.LostAsync(patched, "no budget"));

        var agendaBefore = await rep.AgendaAsync(repId);
        var last = UniqueId.New("last");
        await Ack(last, admin.CreateLeadAsync(pipeline.Lead(last, ownerId: repId)), HttpStatusCode.Created);
        await first.KillAsync(); // straight after the last acknowledgement

        var second = await StartAsync();
        admin = second.As(SalesCoachHostFixture.Admin);
        rep = second.As(repId);

        foreach (var (leadId, before) in acknowledged)
        {
            var after = await (await admin.GetLeadAsync(leadId)).ShouldBeAsync(HttpStatusCode.OK);
            AssertSameLead(ApiJson.Read<LeadDto>(before), ApiJson.Read<LeadDto>(after));
            Assert.Equal(before, after);
        }

        Assert.Equal(pipelineBefore, await (await admin.GetAsync($"/api/pipelines/{pipeline.Id}")).ShouldBeAsync(HttpStatusCode.OK));
        var list = await (await admin.GetAsync("/api/pipelines")).ReadAsync<List<PipelineSummaryDto>>();
        Assert.Contains(new PipelineSummaryDto(pipeline.Id, "Crash tested", 2), list);
        Assert.Contains(new PipelineSummaryDto("b2b", "B2B new business", 1), list); // not seeded again

        var agendaAfter = await rep.AgendaAsync(repId);
        var lastTasks = ApiJson.Read<LeadDto>(acknowledged[last]).Tasks.Where(t => t.Status == "open");
        var expectedAgenda = agendaBefore.Tasks
            .Concat(lastTasks.Select(t => new AgendaEntryDto(last, $"Lead {last}", t.Id, t.Title, t.StageId, t.DueAt, false)))
            .OrderBy(t => t.DueAt).ThenBy(t => $"{t.LeadId}/{t.TaskId}", StringComparer.Ordinal);
        Assert.Contains(agendaBefore.Tasks, t => t.LeadId == completed && t.TaskId == "book");
        Assert.Equal(expectedAgenda.Select(WithoutOverdue), agendaAfter.Tasks.Select(WithoutOverdue)); // overdue depends on when it is read

        Assert.Equal([patched], (await (await rep.FindLeadsAsync($"new@{domain}.example")).ReadAsync<List<LeadDto>>()).Select(l => l.Id));
        Assert.Empty(await (await rep.FindLeadsAsync($"old@{domain}.example")).ReadAsync<List<LeadDto>>());

        // Idempotency survives the crash: repeats change nothing.
        Assert.Equal(acknowledged[created], await (await admin.CreateLeadAsync(pipeline.Lead(created, ownerId: repId))).ShouldBeAsync(HttpStatusCode.OK));
        Assert.Equal(acknowledged[met], await (await rep.LogActivityAsync(met, new { type = "meeting", externalId = "meeting-1" })).ShouldBeAsync(HttpStatusCode.OK));
        Assert.Equal(acknowledged[completed], await (await rep.CompleteTaskAsync(completed, "call", "op-call")).ShouldBeAsync(HttpStatusCode.OK));
        Assert.Equal(acknowledged[won], await (await rep.WonAsync(won, 42000, "op-won")).ShouldBeAsync(HttpStatusCode.OK));
    }

    public async Task DisposeAsync()
    {
        for (var i = 0; i < _hosts.Count; i++)
        {
            await _hosts[i].DisposeAsync();
            output.WriteLine($"--- host process {i + 1} output ---\n{_hosts[i].Output}");
        }

        TempDirectory.Delete(_directory);
    }

    private async Task<BotProcess> StartAsync()
    {
        var host = BotProcess.Start(DatabasePath, _directory);
        _hosts.Add(host);
        await host.WaitUntilHealthyAsync(StartDeadline);
        return host;
    }

    private static AgendaEntryDto WithoutOverdue(AgendaEntryDto entry) => entry with { Overdue = false };

    private static void AssertSameLead(LeadDto before, LeadDto after)
    {
        Assert.Equal((before.Status, before.Stage, before.OwnerId, before.PipelineVersion), (after.Status, after.Stage, after.OwnerId, after.PipelineVersion));
        Assert.Equal(before.Tasks, after.Tasks);
        Assert.Equal(before.History, after.History);
        Assert.Equal(before.Activities.Select(a => (a.Id, a.Type, a.ExternalId, a.StageId)), after.Activities.Select(a => (a.Id, a.Type, a.ExternalId, a.StageId)));
        Assert.Equal(before.Outcome, after.Outcome);
        Assert.Equal((before.Value, before.Territory), (after.Value, after.Territory));
        Assert.Equal(before.Emails, after.Emails);
    }
}
