using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;
using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Bot.Teams;

namespace SalesCoach.Bot.Tests.Teams;

/// <summary>What goes on the wire when a handler answers with a card: the card's own JSON, in place or as a new message.</summary>
public sealed class CardRepliesTests
{
    private static readonly AdaptiveCard Card = KudosCard.Sent("Ana", "Great demo — ¡olé! <b>");

    [Fact]
    public async Task AnswerAsync_TeamsInvoke_TheResponseCarriesTheCardToShowInPlace()
    {
        var turn = Turn(ActivityTypes.Invoke, out var sender);

        await CardReplies.AnswerAsync(turn, Card, CancellationToken.None);

        Assert.Equal(200, turn.InvokeResponse!.Status);
        var written = Written(turn.InvokeResponse.Body);
        Assert.Equal(200, (int?)written["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)written["type"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CardJson.Serialize(Card)), written["value"]), written.ToJsonString());
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task AnswerAsync_Message_RepliesWithTheCardAsAnAttachment()
    {
        var turn = Turn(ActivityTypes.Message, out var sender);

        await CardReplies.AnswerAsync(turn, Card, CancellationToken.None);

        Assert.Null(turn.InvokeResponse);
        var attachment = Written(Assert.Single(sender.Sent))["attachments"]!.AsArray().Single()!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CardJson.Serialize(Card)), attachment["content"]), attachment.ToJsonString());
    }

    [Fact]
    public void Json_WrittenTwice_WritesTheSameCard()
    {
        // One node may be written more than once (a retried send serialises the activity again).
        var node = CardReplies.Json(Card);
        Assert.Equal(node.ToJsonString(BotJson.Options), node.ToJsonString(BotJson.Options));
        Assert.Equal("AdaptiveCard", (string?)Written(node)["type"]);
    }

    private static TurnContext Turn(string type, out RecordingSender sender)
    {
        var activity = new Activity
        {
            Type = type,
            Id = "a-1",
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Conversation = new ConversationAccount { Id = "c-1" },
            From = new ChannelAccount { Id = "29:ana" },
            Recipient = new ChannelAccount { Id = "28:bot" },
        };
        sender = new RecordingSender();
        return new TurnContext(activity, sender, new ServiceCollection().BuildServiceProvider());
    }

    // As the endpoint and the Connector client write it: the protocol's options.
    private static JsonNode Written<T>(T value) => JsonNode.Parse(JsonSerializer.Serialize(value, BotJson.Options))!;

    private sealed class RecordingSender : IActivitySender
    {
        public List<Activity> Sent { get; } = [];

        public bool Serves(string? channelId, string? serviceUrl) => true;

        public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            Sent.Add(activity);
            return Task.FromResult(new ResourceResponse { Id = "r-1" });
        }

        public Task UpdateAsync(Activity activity, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
