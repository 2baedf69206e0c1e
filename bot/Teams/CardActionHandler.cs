using SalesCoach.Bot.Auth;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;
using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Common;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Teams;

/// <summary>
/// A click on a card: Teams' <c>invoke adaptiveCard/action</c> (Universal Actions) or an
/// <c>Action.Submit</c> message from clients without them — one payload, one handler. The lead
/// grain acts as the activity's sender (never a user named in card data), the activity id is the
/// operation id (a repeated click has one effect), and the answer is the card refreshed.
/// </summary>
public sealed class CardActionHandler(IGrainFactory grains, ActorResolver actors, SalesClock clock)
{
    private readonly ManagerCards managerCards = new(grains, clock);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var data = activity.Type == ActivityTypes.Invoke
            ? CardActionData.Parse(activity.Value?["action"]?["data"], activity.Value?["action"]?["verb"]?.GetValue<string>())
            : CardActionData.Parse(activity.Value);
        if (data is null || BotTurn.RepId(activity) is not { } repId)
        {
            turn.InvokeResponse = new InvokeResponse(400, AdaptiveCardInvokeResponse.Message("This card action is not one SalesCoach knows."));
            return;
        }

        // Two independent grain calls: one round trip of waiting per click, not two.
        var resolving = actors.ResolveAsync(repId);
        var naming = BotTurn.CardsAsync(activity, clock.Now, grains);
        await Task.WhenAll(resolving, naming);
        var actor = await resolving;
        var cards = await naming;
        var operationId = activity.Id is { } id ? $"card:{id}" : null;
        var card = data.Verb switch
        {
            CardVerbs.CompleteTask => await TaskCommandAsync(data, actor, cards, lead => lead.CompleteTaskAsync(data.TaskId ?? "", operationId, actor)),
            CardVerbs.SnoozeTask => await SnoozeAsync(data, actor, cards, operationId),
            CardVerbs.AdvanceLead or CardVerbs.ConfirmStage => await AdvanceAsync(data, actor, cards, operationId),
            CardVerbs.SendKudos => await SendKudosAsync(data, actor, cards, operationId),
            CardVerbs.FilterFunnel => await managerCards.FunnelAsync(actor, cards, data.FunnelTeam, data.FunnelRep, data.FunnelPeriod, data.Pipeline),
            CardVerbs.FilterCoaching => await managerCards.CoachAsync(actor, data.CoachingRep ?? "", cards, data.CoachingPeriod, data.Pipeline),
            CardVerbs.OpenLead or CardVerbs.Refresh => await RefreshAsync(data, actor, cards),
            _ => CommandHandler.Notice($"\"{data.Verb}\" is not something I can do yet.", cards),
        };
        await CardReplies.AnswerAsync(turn, card, cancellationToken);
    }

    /// <summary>The kudos form's Send: the sender is the activity's sender; a refusal shows the form again with the reason.</summary>
    private async Task<AdaptiveCard> SendKudosAsync(CardActionData data, Actor actor, CardContext cards, string? operationId)
    {
        var outcome = await Reps.Kudos.GiveAsync(grains, actor, data.KudosTo, data.KudosText, operationId, clock.Now);
        if (outcome.Succeeded)
        {
            return KudosCard.Sent(cards.NameOf(data.KudosTo!), data.KudosText!.Trim());
        }

        return KudosCard.SendForm(await managerCards.ManagedRepsAsync(actor), cards, data.KudosTo, data.KudosText, CommandHandler.Explain(outcome.Problems));
    }

    private Task<AdaptiveCard> SnoozeAsync(CardActionData data, Actor actor, CardContext cards, string? operationId)
    {
        var until = SnoozeChoices.Resolve(data, clock.Now);
        return until is null
            ? Task.FromResult(CommandHandler.Notice("Pick when the task is due again (a time after now).", cards))
            : TaskCommandAsync(data, actor, cards, lead => lead.SnoozeTaskAsync(data.TaskId ?? "", until.Value, operationId, actor));
    }

    private async Task<AdaptiveCard> TaskCommandAsync(
        CardActionData data, Actor actor, CardContext cards, Func<ILeadGrain, Task<Outcome<LeadView>>> command)
    {
        var lead = grains.GetGrain<ILeadGrain>(data.LeadId ?? "");
        var outcome = data.LeadId is null ? Outcome<LeadView>.NotFound("no lead") : await command(lead);
        if (!outcome.Succeeded)
        {
            var current = (await lead.GetAsync(Actor.System)).Value;
            var task = current?.Tasks.LastOrDefault(t => t.Id == data.TaskId);
            var refusal = outcome.Status switch
            {
                OutcomeStatus.Forbidden => TaskRefusal.NotYours,
                OutcomeStatus.NotFound => TaskRefusal.NotFound,
                _ when current?.Status is LeadStatus.Won or LeadStatus.Lost => TaskRefusal.LeadClosed,
                _ when task?.Status == LeadTaskStatus.Skipped => TaskRefusal.AlreadySkipped,
                _ => (TaskRefusal?)null,
            };
            return refusal is { } why
                ? TaskPromptCard.Refused(why, cards, why == TaskRefusal.NotYours ? null : task, why == TaskRefusal.NotYours ? null : current)
                : CommandHandler.Notice(CommandHandler.Explain(outcome.Problems), cards);
        }

        return await CardForAsync(data, outcome.Value!, actor, cards);
    }

    private async Task<AdaptiveCard> AdvanceAsync(CardActionData data, Actor actor, CardContext cards, string? operationId)
    {
        var lead = grains.GetGrain<ILeadGrain>(data.LeadId ?? "");
        var current = await lead.GetAsync(actor);
        if (!current.Succeeded)
        {
            return CommandHandler.Notice(CommandHandler.Explain(current.Problems), cards);
        }

        if (data.StageId is { } shown && current.Value!.Stage?.Id != shown)
        {
            // The card is stale: the lead has moved on since; show where it is instead of moving it again.
            return LeadCard.Build(current.Value!, cards);
        }

        var outcome = await lead.AdvanceAsync(null, operationId, actor);
        return outcome.Succeeded
            ? await CardForAsync(data, outcome.Value!, actor, cards)
            : CommandHandler.Notice(CommandHandler.Explain(outcome.Problems), cards);
    }

    private async Task<AdaptiveCard> RefreshAsync(CardActionData data, Actor actor, CardContext cards)
    {
        if (data.Card == CardNames.MyDay)
        {
            return MyDayCard.Build(await grains.GetGrain<IRepGrain>(actor.Id).GetAgendaAsync(), cards);
        }

        var lead = await grains.GetGrain<ILeadGrain>(data.LeadId ?? "").GetAsync(actor);
        return lead.Succeeded
            ? await CardForAsync(data.Verb == CardVerbs.OpenLead ? data with { Card = CardNames.Lead } : data, lead.Value!, actor, cards)
            : CommandHandler.Notice(CommandHandler.Explain(lead.Problems), cards);
    }

    /// <summary>The card the action came from, rebuilt from the lead as it is now.</summary>
    private async Task<AdaptiveCard> CardForAsync(CardActionData data, LeadView lead, Actor actor, CardContext cards)
    {
        switch (data.Card)
        {
            case CardNames.TaskPrompt when lead.Tasks.LastOrDefault(t => t.Id == data.TaskId) is { } task:
                return TaskPromptCard.Build(lead, task, cards);
            case CardNames.StageGuidance:
                var pipeline = await grains.GetGrain<IPipelineGrain>(lead.PipelineId).GetAsync(lead.PipelineVersion);
                var stageId = data.StageId ?? lead.Tasks.LastOrDefault(t => t.Id == data.TaskId)?.StageId ?? lead.Stage?.Id;
                return pipeline?.Stages.Find(s => s.Id == stageId) is { } stage
                    ? StageGuidanceCard.Build(lead, stage, cards)
                    : LeadCard.Build(lead, cards, pipeline);
            case CardNames.MyDay:
                return MyDayCard.Build(await grains.GetGrain<IRepGrain>(actor.Id).GetAgendaAsync(), cards);
            default:
                return LeadCard.Build(lead, cards, await grains.GetGrain<IPipelineGrain>(lead.PipelineId).GetAsync(lead.PipelineVersion));
        }
    }
}
