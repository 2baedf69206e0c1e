using System.Text.Json.Nodes;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Teams;

/// <summary>How a handler answers with a card: in place of the clicked card for a Teams invoke, as a new message otherwise.</summary>
public static class CardReplies
{
    public static async Task AnswerAsync(TurnContext turn, AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            turn.InvokeResponse = new InvokeResponse(200, AdaptiveCardInvokeResponse.Card(Json(card)));
            return;
        }

        await turn.ReplyCardAsync(Json(card), cancellationToken);
    }

    /// <summary>The card as a message attachment's <c>content</c>.</summary>
    public static JsonNode Json(AdaptiveCard card) => CardJson.ToJsonNode(card);
}
