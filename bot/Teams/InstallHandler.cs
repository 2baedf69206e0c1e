using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.Cards;
using SalesCoach.Common;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Teams;

/// <summary>
/// The bot was added to a rep's chat (Teams' <c>installationUpdate</c> / <c>conversationUpdate</c>,
/// or the local chat opening): remember where to reach the rep, and say hello.
/// </summary>
public sealed class InstallHandler(IGrainFactory grains, SalesClock clock)
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (BotTurn.RepId(turn.Activity) is not { } repId)
        {
            return;
        }

        var rep = grains.GetGrain<IRepGrain>(repId);
        await rep.SaveConversationAsync(BotTurn.Conversation(turn.Activity));
        var profile = await rep.GetProfileAsync();
        var card = WelcomeCard.Build(BotTurn.Cards(turn.Activity, clock.Now), profile?.Name ?? turn.Activity.From?.Name);
        await CardReplies.AnswerAsync(turn, card, cancellationToken);
    }
}
