using SalesCoach.Bot.Auth;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;
using SalesCoach.Bot.Cards;
using SalesCoach.Common;
using SalesCoach.Leads;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Teams;

/// <summary>
/// What reps type in chat: <c>help</c>, <c>tasks</c>, <c>lead &lt;name or id&gt;</c>,
/// <c>advance &lt;lead&gt;</c>, <c>new lead &lt;name&gt; &lt;email&gt;</c>; for managers <c>funnel [pipeline]</c>,
/// <c>coach &lt;rep&gt; [pipeline]</c>, <c>kudos @rep text</c>. Anything else gets a short help, never silence.
/// </summary>
public sealed class CommandHandler(IGrainFactory grains, ActorResolver actors, SalesClock clock)
{
    private readonly ManagerCards managerCards = new(grains, clock);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (BotTurn.RepId(turn.Activity) is not { } repId)
        {
            return;
        }

        var actor = await actors.ResolveAsync(repId);
        var rep = grains.GetGrain<IRepGrain>(repId);
        await rep.SaveConversationAsync(BotTurn.Conversation(turn.Activity));
        var cards = await BotTurn.CardsAsync(turn.Activity, clock.Now, grains);
        var command = ChatCommand.Parse(turn.Activity.Text);
        var card = command?.Name switch
        {
            ChatCommand.Tasks => MyDayCard.Build(await rep.GetAgendaAsync(), cards),
            ChatCommand.Lead => await LeadAsync(rep, actor, command.Argument, cards),
            ChatCommand.Advance => await AdvanceAsync(turn, rep, actor, command.Argument, cards),
            ChatCommand.NewLead => await NewLeadAsync(turn, actor, command.Argument, cards),
            ChatCommand.Funnel => await managerCards.FunnelAsync(actor, cards, pipelineId: command.Argument.Length == 0 ? null : command.Argument),
            ChatCommand.Coach => await managerCards.CoachAsync(actor, command.Argument, cards),
            ChatCommand.Kudos => await KudosAsync(turn, actor, command.Argument, cards),
            ChatCommand.Help => HelpCard.Build(cards, includeManagerCommands: await managerCards.IsManagerAsync(actor)),
            _ => HelpCard.Build(cards, includeManagerCommands: await managerCards.IsManagerAsync(actor), notUnderstood: turn.Activity.Text),
        };
        await CardReplies.AnswerAsync(turn, card, cancellationToken);
    }

    private async Task<Cards.Model.AdaptiveCard> LeadAsync(IRepGrain rep, Actor actor, string text, CardContext cards)
    {
        var (lead, problem) = await FindLeadAsync(rep, actor, text);
        return lead is null ? Notice(problem!, cards) : LeadCard.Build(lead, cards);
    }

    private async Task<Cards.Model.AdaptiveCard> AdvanceAsync(TurnContext turn, IRepGrain rep, Actor actor, string text, CardContext cards)
    {
        var (lead, problem) = await FindLeadAsync(rep, actor, text);
        if (lead is null)
        {
            return Notice(problem!, cards);
        }

        var outcome = await grains.GetGrain<ILeadGrain>(lead.Id).AdvanceAsync(null, turn.Activity.Id, actor);
        return outcome.Succeeded ? LeadCard.Build(outcome.Value!, cards) : Notice(Explain(outcome.Problems), cards);
    }

    private async Task<Cards.Model.AdaptiveCard> NewLeadAsync(TurnContext turn, Actor actor, string text, CardContext cards)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var email = words.LastOrDefault(w => w.Contains('@'));
        var name = string.Join(' ', words.Where(w => w != email));
        if (email is null || name.Length == 0)
        {
            return Notice("Write it as: new lead <name> <email>, for example: new lead Acme Oy cto@acme.example", cards);
        }

        var id = $"chat-{Math.Abs(StringComparer.Ordinal.GetHashCode(turn.Activity.Id ?? Guid.NewGuid().ToString())):x}-{Guid.NewGuid():N}"[..24];
        var outcome = await grains.GetGrain<ILeadGrain>(id).CreateAsync(
            new CreateLead { Facts = new LeadFacts { Name = name, Emails = [email] } }, actor);
        return outcome.Succeeded ? LeadCard.Build(outcome.Value!, cards) : Notice(Explain(outcome.Problems), cards);
    }

    /// <summary>
    /// <c>kudos @rep text</c>: the rep from a Teams mention (by the mentioned name) or the first word
    /// (an id or a name); without both a rep and a text, the send form pre-filled with what was given.
    /// </summary>
    private async Task<Cards.Model.AdaptiveCard> KudosAsync(TurnContext turn, Actor actor, string text, CardContext cards)
    {
        var words = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var mentioned = Mentioned(turn.Activity);
        var who = mentioned ?? words.FirstOrDefault();
        var message = mentioned is not null ? text : words.ElementAtOrDefault(1);
        var rep = who is null ? null : await managerCards.FindRepAsync(who);
        if (rep is null || string.IsNullOrWhiteSpace(message))
        {
            return KudosCard.SendForm(await managerCards.ManagedRepsAsync(actor), cards, rep?.Id, message,
                who is not null && rep is null ? $"I know no rep called \"{who}\"." : null);
        }

        var outcome = await Kudos.GiveAsync(grains, actor, rep.Id, message, turn.Activity.Id, clock.Now);
        return outcome.Succeeded
            ? KudosCard.Sent(string.IsNullOrWhiteSpace(rep.Name) ? rep.Id : rep.Name, message.Trim())
            : Notice(Explain(outcome.Problems), cards);
    }

    /// <summary>The name of the first person mentioned in the message other than the bot, or null.</summary>
    private static string? Mentioned(Activity activity) =>
        activity.Entities?.OfType<System.Text.Json.Nodes.JsonObject>()
            .Where(e => e["type"]?.GetValue<string>() == "mention" && e["mentioned"]?["id"]?.GetValue<string>() != activity.Recipient?.Id)
            .Select(e => e["mentioned"]?["name"]?.GetValue<string>())
            .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));

    /// <summary>A lead by exact id first, then by name among the rep's own leads.</summary>
    private async Task<(LeadView? Lead, string? Problem)> FindLeadAsync(IRepGrain rep, Actor actor, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "Which lead? Write its name or id, for example: lead Acme");
        }

        var byId = await grains.GetGrain<ILeadGrain>(text.Trim()).GetAsync(actor);
        if (byId.Succeeded)
        {
            return (byId.Value, null);
        }

        if (byId.Status == OutcomeStatus.Forbidden)
        {
            return (null, Explain(byId.Problems));
        }

        var matches = await rep.FindLeadsAsync(text);
        if (matches.Count == 0)
        {
            return (null, $"I found no lead of yours called \"{text}\".");
        }

        var found = await grains.GetGrain<ILeadGrain>(matches[0].Id).GetAsync(actor);
        return found.Succeeded ? (found.Value, null) : (null, Explain(found.Problems));
    }

    /// <summary>A one-line answer, as a card so it looks like the rest of the conversation.</summary>
    internal static Cards.Model.AdaptiveCard Notice(string text, CardContext cards) =>
        CardParts.Card([CardParts.Text(text)], fallbackText: text);

    internal static string Explain(IReadOnlyList<Problem> problems) =>
        string.Join(" ", problems.Select(p => p.Path.Length == 0 ? p.Message : $"{p.Path}: {p.Message}"));
}
