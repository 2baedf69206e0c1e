using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Bot.Tests.Infrastructure;
using SalesCoach.Common;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Tests.Teams;

/// <summary>What a rep does in Teams, as Teams sends it: install, card clicks (Universal Actions and Submit), proactive prompts.</summary>
[Collection(BotHostCollection.Name)]
public sealed class TeamsActivityTests(BotHostFixture host)
{
    private IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    private async Task<(string Rep, string Lead)> LeadWithTasksAsync(GoalDefinition? goal = null)
    {
        var rep = $"aad-{Guid.NewGuid():N}"[..16];
        var pipelineId = $"teams-{Guid.NewGuid():N}"[..16];
        await Grains.GetGrain<IRepGrain>(rep).SaveProfileAsync(new RepProfile { Id = rep, Name = "Ana Teams", Email = "ana@contoso.example" });
        var saved = await Grains.GetGrain<IPipelineGrain>(pipelineId).SaveAsync(new PipelineDefinition
        {
            Id = pipelineId,
            Name = "Teams test",
            Criteria = new PipelineCriteria { Products = [pipelineId] },
            Stages =
            [
                new StageDefinition
                {
                    Id = "call", Name = "First call", Guidance = "Call them.", Goal = goal ?? new GoalDefinition { TaskCompleted = "call" },
                    Tasks = [new TaskDefinition { Id = "call", Title = "Call the customer", DueAfter = "PT1H" }, new TaskDefinition { Id = "note", Title = "Write a note", DueAfter = "PT2H" }],
                },
                new StageDefinition { Id = "meet", Name = "Meeting", Guidance = "Meet them.", Goal = new GoalDefinition { Manual = true } },
                new StageDefinition { Id = "close", Name = "Close" },
            ],
        }, Actor.System);
        Assert.True(saved.Succeeded);
        var lead = $"lead-{Guid.NewGuid():N}"[..16];
        var created = await Grains.GetGrain<ILeadGrain>(lead).CreateAsync(
            new CreateLead { Facts = new LeadFacts { Name = "Globex" }, PipelineId = pipelineId, OwnerId = rep }, Actor.System);
        Assert.True(created.Succeeded);
        return (rep, lead);
    }

    private JsonObject Invoke(string rep, string verb, JsonObject data, string? id = null) =>
        host.TeamsActivity("invoke", rep, a =>
        {
            a["id"] = id ?? $"f:{Guid.NewGuid():N}";
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            };
        });

    private async Task<JsonObject> PostAsync(JsonObject activity)
    {
        using var response = await host.PostActivityAsync(activity, host.Tokens.Create(serviceUrl: host.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task InstallationUpdate_StoresWhereToReachTheRepAndGreets()
    {
        var rep = $"aad-{Guid.NewGuid():N}"[..16];
        await PostAsync(host.TeamsActivity("installationUpdate", rep, a => a["action"] = "add"));

        var conversation = await Grains.GetGrain<IRepGrain>(rep).GetConversationAsync();
        Assert.Equal(($"a:conversation-{rep}", "msteams", host.ServiceUrl, "tenant-1"), (conversation!.ConversationId, conversation.ChannelId, conversation.ServiceUrl, conversation.TenantId));
        var sent = host.Connector.LogEntries.Where(e => e.RequestMessage.Path.Contains(Uri.EscapeDataString($"a:conversation-{rep}")) || e.RequestMessage.Path.Contains($"a:conversation-{rep}"));
        Assert.Contains(sent, e => e.RequestMessage.Body!.Contains("SalesCoach") && e.RequestMessage.Body.Contains("application/vnd.microsoft.card.adaptive"));
    }

    [Fact]
    public async Task InvokeCompleteTask_CompletesItAndAnswersWithTheDoneCardInPlace()
    {
        var (rep, lead) = await LeadWithTasksAsync();

        var response = await PostAsync(Invoke(rep, "task.complete", new JsonObject { ["card"] = "taskPrompt", ["leadId"] = lead, ["taskId"] = "call" }));

        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        Assert.Contains("Done by Ana Teams", response["value"]!.ToJsonString());
        var after = (await Grains.GetGrain<ILeadGrain>(lead).GetAsync(Actor.System)).Value!;
        Assert.Equal(("meet", LeadTaskStatus.Done, rep), (after.Stage!.Id, after.Tasks[0].Status, after.Tasks[0].DoneBy));
    }

    [Fact]
    public async Task Invoke_SameActivityTwice_HasOneEffect()
    {
        var (rep, lead) = await LeadWithTasksAsync(new GoalDefinition { Manual = true });
        var activity = Invoke(rep, "lead.advance", new JsonObject { ["card"] = "lead", ["leadId"] = lead }, id: "f:the-same-click");

        await PostAsync(activity);
        await PostAsync((JsonObject)activity.DeepClone());

        var after = (await Grains.GetGrain<ILeadGrain>(lead).GetAsync(Actor.System)).Value!;
        Assert.Equal("meet", after.Stage!.Id);
        Assert.Equal(2, after.History.Count);
    }

    [Fact]
    public async Task Invoke_AnotherRepsTask_IsRefusedAndChangesNothing()
    {
        var (_, lead) = await LeadWithTasksAsync();
        var stranger = $"aad-{Guid.NewGuid():N}"[..16];

        // The card data names the task; the actor is the sender, who may not touch it.
        var response = await PostAsync(Invoke(stranger, "task.complete", new JsonObject { ["card"] = "taskPrompt", ["leadId"] = lead, ["taskId"] = "call" }));

        Assert.Contains("This task is not yours", response["value"]!.ToJsonString());
        var after = (await Grains.GetGrain<ILeadGrain>(lead).GetAsync(Actor.System)).Value!;
        Assert.Equal(("call", LeadTaskStatus.Open), (after.Stage!.Id, after.Tasks[0].Status));
    }

    [Fact]
    public async Task SubmitMessage_SameVerbsAsInvoke_AreHandledByTheSameCode()
    {
        var (rep, lead) = await LeadWithTasksAsync();
        var activity = host.TeamsActivity("message", rep, a =>
            a["value"] = new JsonObject { ["verb"] = "task.complete", ["card"] = "taskPrompt", ["leadId"] = lead, ["taskId"] = "call" });

        await PostAsync(activity);

        var after = (await Grains.GetGrain<ILeadGrain>(lead).GetAsync(Actor.System)).Value!;
        Assert.Equal(LeadTaskStatus.Done, after.Tasks[0].Status);
        Assert.Contains(host.Connector.LogEntries, e => e.RequestMessage.Body?.Contains("Done by Ana Teams") == true);
    }

    [Fact]
    public async Task TaskFallsDue_PromptGoesToTheRepsTeamsChatOnce()
    {
        var (rep, lead) = await LeadWithTasksAsync();
        await PostAsync(host.TeamsActivity("installationUpdate", rep, a => a["action"] = "add"));
        host.Time.Advance(TimeSpan.FromMinutes(61));
        var reminder = Grains.GetGrain<IRepGrain>(rep).AsReference<IRemindable>();

        await reminder.ReceiveReminder("agenda", default);
        await reminder.ReceiveReminder("agenda", default);

        var prompts = host.Connector.LogEntries.Count(e =>
            e.RequestMessage.Path.Contains($"conversation-{rep}") && e.RequestMessage.Body?.Contains("Call the customer") == true
            && e.RequestMessage.Body.Contains("\"card\":\"taskPrompt\""));
        Assert.Equal(1, prompts);
    }

    [Fact]
    public async Task TextCommandTasks_RepliesWithMyDay()
    {
        var (rep, _) = await LeadWithTasksAsync();
        await PostAsync(host.TeamsActivity("message", rep, a => a["text"] = "<at>SalesCoach</at> tasks"));

        Assert.Contains(host.Connector.LogEntries, e =>
            e.RequestMessage.Path.Contains($"conversation-{rep}") && e.RequestMessage.Body?.Contains("My day") == true
            && e.RequestMessage.Body.Contains("Call the customer"));
    }
}
