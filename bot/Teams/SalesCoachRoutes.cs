using System.Text.Json.Nodes;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.Teams;

/// <summary>SalesCoach's routes: install greetings, card actions (invoke and submit), chat commands.</summary>
public sealed class SalesCoachRoutes(InstallHandler install, CardActionHandler cardActions, CommandHandler commands) : IBotRoutes
{
    public void Register(BotRouteTable routes) => routes
        .Add("installationUpdate/add", a => a.Type == ActivityTypes.InstallationUpdate && (a.Action ?? "add").StartsWith("add", StringComparison.OrdinalIgnoreCase), install.HandleAsync)
        .Add("conversationUpdate/membersAdded", a => a.Type == ActivityTypes.ConversationUpdate && AddsSomeoneElse(a), install.HandleAsync)
        .Add("invoke/adaptiveCard/action", a => a.Type == ActivityTypes.Invoke && a.Name == "adaptiveCard/action", cardActions.HandleAsync)
        .Add("message/cardAction", a => a.Type == ActivityTypes.Message && a.Value is JsonObject value && value.ContainsKey("verb"), cardActions.HandleAsync)
        .Add("message/command", a => a.Type == ActivityTypes.Message, commands.HandleAsync);

    /// <summary>A member other than the bot joined (the bot's own arrival in a chat is not a greeting cue).</summary>
    private static bool AddsSomeoneElse(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
}
