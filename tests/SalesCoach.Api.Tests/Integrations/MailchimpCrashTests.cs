using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Infrastructure;
using SalesCoach.Bot.Integrations.Mailchimp;
using Xunit.Abstractions;

namespace SalesCoach.Api.Tests.Integrations;

/// <summary>
/// The real host, its Mailchimp base URL on a loopback stub, killed with SIGKILL straight after a
/// stage entry is acknowledged while the Mailchimp upsert is still pending (its first attempt got a
/// 503), then restarted on the same SQLite file: the upsert is made after the restart, exactly once,
/// with nothing touching the lead (the outbox's reminder resumes it).
/// </summary>
[Trait("Category", "Integration")]
[Trait("Category", "Process")]
public sealed class MailchimpCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);
    // The outbox's reminder (1 minute, Orleans' minimum period) resumes it after a restart.
    private static readonly TimeSpan ResumeDeadline = TimeSpan.FromSeconds(150);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "salescoach-process-tests", Guid.NewGuid().ToString("N"));
    private readonly List<BotProcess> hosts = [];
    private readonly MailchimpStub stub = new();

    private string DatabasePath => Path.Combine(directory, "data", "salescoach.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Restart_KilledBeforeTheMailchimpCall_CallSentAfterRestartExactlyOnce()
    {
        var email = $"{UniqueId.New("cto")}@acme.example";
        var hash = MailchimpEmailLists.SubscriberHash(email);
        var member = MailchimpStub.MemberPath(hash);
        var failing = Guid.NewGuid();
        stub.Server.Given(stub.Upsert(hash)).WithGuid(failing)
            .RespondWith(MailchimpStub.Problem(503, "Service Unavailable", "Mailchimp is down for maintenance."));
        var first = await StartAsync();
        var admin = first.As(SalesCoachHostFixture.Admin);
        var pipelineId = UniqueId.New("lists");
        using var saved = await admin.PutPipelineAsync(pipelineId, new
        {
            id = pipelineId,
            name = "Lists",
            stages = new object[]
            {
                new { id = "nurture", name = "Nurture", goal = new { manual = true }, lists = new { subscribe = new[] { "nurture" } } },
                new { id = "close", name = "Close", goal = new { manual = true } },
            },
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var leadId = UniqueId.New("lead");

        var created = await admin.CreateLeadAsync(new { id = leadId, name = "Acme", company = "Acme Oy", emails = new[] { email }, pipelineId, ownerId = "admin" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await WaitForAsync(() => Answered(failing) == 1, ResumeDeadline); // the first attempt failed: the upsert is still to be made
        await first.KillAsync(); // before the retry (5 s later)

        stub.Server.ResetMappings();
        // Answered only by these mappings, made after the kill: what they see came from the restarted host.
        var afterRestart = Guid.NewGuid();
        stub.Server.Given(stub.Upsert(hash)).WithGuid(afterRestart).RespondWith(MailchimpStub.Member(email, hash, "subscribed"));
        var tagsAfterRestart = Guid.NewGuid();
        stub.Server.Given(stub.Tags(hash)).WithGuid(tagsAfterRestart).RespondWith(MailchimpStub.NoContent());
        var second = await StartAsync();

        await WaitForAsync(() => Answered(tagsAfterRestart) >= 1, ResumeDeadline); // nothing touches the lead: the reminder resumes the outbox
        var lists = JsonNode.Parse(await (await second.As(SalesCoachHostFixture.Admin).GetAsync($"/api/leads/{leadId}/email-lists")).Content.ReadAsStringAsync())!;

        var seen = string.Join("\n", stub.Server.LogEntries.Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Path} (mapping {e.MappingGuid}) → {e.ResponseMessage.StatusCode}"));
        output.WriteLine($"the stub saw:\n{seen}");
        Assert.True(Answered(afterRestart) == 1, seen);
        Assert.True(Answered(tagsAfterRestart) == 1, seen);
        Assert.True(Answered(failing) == 1, seen);
        Assert.True(stub.Server.LogEntries.Count(e => e.RequestMessage.Path == member) == 2, seen);
        Assert.Empty(lists["pending"]!.AsArray());
        Assert.Equal($"{leadId}/0/nurture/{email}/subscribe", Assert.Single(lists["sent"]!.AsArray())!.GetValue<string>());
    }

    /// <summary>Requests one mapping answered.</summary>
    private int Answered(Guid mapping) => stub.Server.LogEntries.Count(e => e.MappingGuid == mapping);

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan deadline)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < deadline, $"not seen within {deadline}");
            await Task.Delay(TimeSpan.FromMilliseconds(250)); // another process works on its own clock: poll within a deadline
        }
    }

    public async Task DisposeAsync()
    {
        for (var i = 0; i < hosts.Count; i++)
        {
            await hosts[i].DisposeAsync();
            output.WriteLine($"--- host process {i + 1} output ---\n{hosts[i].Output}");
        }

        stub.Dispose();
        TempDirectory.Delete(directory);
    }

    private async Task<BotProcess> StartAsync()
    {
        var host = BotProcess.Start(DatabasePath, directory,
            "--Mailchimp:ApiKey", MailchimpStub.ApiKey,
            "--Mailchimp:BaseUrl", stub.BaseUrl.ToString(),
            "--Mailchimp:Lists:nurture", MailchimpStub.ListId);
        hosts.Add(host);
        await host.WaitUntilHealthyAsync(StartDeadline);
        return host;
    }
}
