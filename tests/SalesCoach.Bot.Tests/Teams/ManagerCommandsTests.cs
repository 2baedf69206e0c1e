using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Bot.Tests.Infrastructure;
using SalesCoach.Common;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Bot.Tests.Teams;

/// <summary>The managers' chat commands and card actions as Teams sends them: funnel, coach, kudos.</summary>
[Collection(BotHostCollection.Name)]
public sealed class ManagerCommandsTests(BotHostFixture host)
{
    private IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A manager, a team, and two reps in it (unique ids and names).</summary>
    private async Task<(string Manager, string Rep, string Peer, string Team)> TeamAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (manager, rep, peer, team) = ($"mgr-{suffix}", $"rep-{suffix}", $"peer-{suffix}", $"team-{suffix}");
        await Grains.GetGrain<IRepGrain>(manager).SaveProfileAsync(new RepProfile { Id = manager, Name = $"Maria {suffix}", Email = "m@contoso.example", TeamId = team });
        foreach (var id in new[] { rep, peer })
        {
            await Grains.GetGrain<IRepGrain>(id).SaveProfileAsync(new RepProfile { Id = id, Name = $"Name {id}", Email = "r@contoso.example", TeamId = team, ManagerId = manager });
        }

        await Grains.GetGrain<ITeamGrain>(team).SaveAsync(new TeamProfile { Id = team, Name = $"Squad {suffix}", ManagerId = manager, Members = [rep, peer] });
        return (manager, rep, peer, team);
    }

    /// <summary>A one-stage pipeline with a unique id and name; with a team, its assignment hands leads to that team.</summary>
    private async Task<(string Id, string Name)> PipelineAsync(string? teamId = null)
    {
        var id = $"p-{Guid.NewGuid():N}"[..14];
        var pipeline = new PipelineDefinition
        {
            Id = id,
            Name = $"Pipeline {id}",
            Criteria = new PipelineCriteria { Products = [id] },
            Stages = [new StageDefinition { Id = "talk", Name = "Talk", Probability = 0.5, Goal = new GoalDefinition { Manual = true } }],
            Assignment = teamId is null ? [] : [new AssignmentRule { To = new AssignmentTarget { Team = teamId } }],
        };
        Assert.True((await Grains.GetGrain<IPipelineGrain>(id).SaveAsync(pipeline, Actor.System)).Succeeded);
        return (id, pipeline.Name);
    }

    private async Task<JsonObject> PostAsync(JsonObject activity)
    {
        using var response = await host.PostActivityAsync(activity, host.Tokens.Create(serviceUrl: host.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    private Task<JsonObject> SayAsync(string from, string text) =>
        PostAsync(host.TeamsActivity("message", from, a => a["text"] = text));

    private bool Replied(string to, string text) =>
        host.Connector.LogEntries.Any(e => e.RequestMessage.Path.Contains($"conversation-{to}") && e.RequestMessage.Body?.Contains(text) == true);

    /// <summary>Whether a card sent to <paramref name="to"/> shows <paramref name="text"/> (compared unescaped, so "·" matches).</summary>
    private bool RepliedText(string to, string text) =>
        host.Connector.LogEntries.Any(e => e.RequestMessage.Path.Contains($"conversation-{to}") && e.RequestMessage.Body is { } body
            && Unescaped(JsonNode.Parse(body)).Contains(text, StringComparison.Ordinal));

    private static string Unescaped(JsonNode? json) =>
        json?.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

    private Task<JsonObject> InvokeAsync(string from, string verb, JsonObject data) =>
        PostAsync(host.TeamsActivity("invoke", from, a =>
        {
            a["id"] = $"f:{Guid.NewGuid():N}";
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        }));

    [Fact]
    public async Task Kudos_ByTheManager_SendsTheCardAndCountsIt()
    {
        var (manager, rep, _, _) = await TeamAsync();

        await SayAsync(manager, $"<at>SalesCoach</at> kudos {rep} Great call with Acme!");

        Assert.Equal(1, (await Grains.GetGrain<IRepGrain>(rep).GetStatsAsync()).Kudos);
        Assert.True(Replied(manager, "Kudos sent to Name " + rep));
    }

    [Fact]
    public async Task KudosSend_ByAPeer_IsRefusedOnTheFormAndCountsNothing()
    {
        var (_, rep, peer, _) = await TeamAsync();

        var response = await InvokeAsync(peer, "kudos.send", new JsonObject { ["card"] = "kudosSend", ["kudosTo"] = rep, ["kudosText"] = "Nice" });

        Assert.Contains("only the manager of", response["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Grains.GetGrain<IRepGrain>(rep).GetStatsAsync()).Kudos);
    }

    [Fact]
    public async Task KudosSend_ByTheManager_AnswersWithTheSentCard()
    {
        var (manager, rep, _, _) = await TeamAsync();

        var response = await InvokeAsync(manager, "kudos.send", new JsonObject { ["card"] = "kudosSend", ["kudosTo"] = rep, ["kudosText"] = "Thanks!" });

        Assert.Contains("Kudos sent to", response["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, (await Grains.GetGrain<IRepGrain>(rep).GetStatsAsync()).Kudos);
    }

    [Fact]
    public async Task Coach_ByTheManagerOrAStranger_ShowsTheCardOnlyToTheManager()
    {
        var (manager, rep, peer, _) = await TeamAsync();

        await SayAsync(manager, $"coach {rep}");
        await SayAsync(peer, $"coach {rep}");

        Assert.True(Replied(manager, "Coaching") && Replied(manager, "Name " + rep));
        Assert.False(Replied(peer, "Coaching"));
        Assert.True(Replied(peer, "manager or an administrator"));
    }

    [Fact]
    public async Task FunnelFilter_ByTheManager_AnswersWithTheTeamsFunnel()
    {
        var (manager, _, _, team) = await TeamAsync();

        var response = await InvokeAsync(manager, "funnel.filter", new JsonObject { ["card"] = "funnel", ["funnelTeam"] = team, ["funnelPeriod"] = "30d" });

        var card = response["value"]!.ToJsonString();
        Assert.True(card.Contains("Team Squad", StringComparison.Ordinal) || card.Contains("no pipeline", StringComparison.Ordinal), card);
    }

    [Fact]
    public async Task Help_ManagerAndRep_ShowsTheManagerCommandsOnlyToTheManager()
    {
        var (manager, rep, _, _) = await TeamAsync();

        await SayAsync(manager, "help");
        await SayAsync(rep, "help");

        Assert.True(Replied(manager, "For managers"));
        Assert.False(Replied(rep, "For managers"));
    }

    [Fact]
    public async Task Funnel_NamingAPipeline_ShowsThatPipelineAndSaysWhichItIs()
    {
        var (manager, _, _, _) = await TeamAsync();
        var (_, name) = await PipelineAsync();

        await SayAsync(manager, $"funnel {name.ToUpperInvariant()}");
        await SayAsync(manager, "funnel no-such-pipeline");

        Assert.True(RepliedText(manager, $"{name} · Last 90 days"));
        Assert.True(RepliedText(manager, "I know no pipeline called"));
    }

    [Fact]
    public async Task Funnel_NoPipelineNamed_ShowsThePipelineThatHandsLeadsToTheManagersTeam()
    {
        var (manager, _, _, team) = await TeamAsync();
        await PipelineAsync();
        var (_, teams) = await PipelineAsync(team);

        await SayAsync(manager, "funnel");

        Assert.True(RepliedText(manager, $"{teams} · Last 90 days"));
    }

    [Fact]
    public async Task Coach_RepThenPipeline_ShowsTheRepInThatPipeline()
    {
        var (manager, rep, _, _) = await TeamAsync();
        var (id, name) = await PipelineAsync();

        await SayAsync(manager, $"coach {rep} {id}");

        Assert.True(RepliedText(manager, "Coaching · Name " + rep));
        Assert.True(RepliedText(manager, $"{name} · Last 90 days"));
    }

    [Fact]
    public async Task CoachingFilter_ByTheManager_AnswersWithTheRepsCardForThePeriodChosen()
    {
        var (manager, rep, peer, _) = await TeamAsync();
        var (id, name) = await PipelineAsync();

        var response = await InvokeAsync(manager, "coaching.filter", new JsonObject
        {
            ["card"] = "coaching", ["coachingRep"] = peer, ["coachingPeriod"] = "30d", ["pipeline"] = id,
        });

        var card = Unescaped(response["value"]);
        Assert.Contains("Coaching · Name " + peer, card, StringComparison.Ordinal);
        Assert.Contains($"{name} · Last 30 days", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"coaching.filter\"", card, StringComparison.Ordinal); // the refreshed card can be updated again
        Assert.DoesNotContain("Coaching · Name " + rep, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoachingFilter_ByAPeer_IsRefusedWithoutTheCard()
    {
        var (_, rep, peer, _) = await TeamAsync();

        var response = await InvokeAsync(peer, "coaching.filter", new JsonObject { ["card"] = "coaching", ["coachingRep"] = rep, ["coachingPeriod"] = "all" });

        var card = Unescaped(response["value"]);
        Assert.Contains("manager or an administrator", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Coaching ·", card, StringComparison.Ordinal);
    }
}
