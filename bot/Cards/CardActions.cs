using System.Text.Json.Serialization;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// Makes the buttons of SalesCoach cards for the viewer's channel, so builders never duplicate
/// a card per channel: a verb becomes <c>Action.Execute</c> on Teams and <c>Action.Submit</c>
/// elsewhere, with the same <see cref="CardActionData"/> either way.
/// </summary>
public static class CardActions
{
    /// <summary>A button that runs <paramref name="data"/>'s verb.</summary>
    public static CardAction Verb(string title, CardActionData data, CardContext context, ActionStyle? style = null) =>
        context.Capabilities.UniversalActions
            ? new ExecuteAction { Title = title, Verb = data.Verb, Data = data, Style = style }
            : new SubmitAction { Title = title, Data = data, Style = style };

    /// <summary>
    /// A button that sends a command as if the user typed it (<c>tasks</c>, <c>help</c>): Teams'
    /// <c>imBack</c> in <c>msteams</c>, and a string <c>data</c>, which Web Chat posts as text.
    /// </summary>
    public static CardAction Command(string title, string command, CardContext context) =>
        context.Capabilities.UniversalActions
            ? new SubmitAction { Title = title, Data = new TeamsCommandData(new TeamsImBack(command)) }
            : new SubmitAction { Title = title, Data = command };

    /// <summary>
    /// The <c>refresh</c> block on Teams (rebuild <paramref name="data"/>'s card for whoever views
    /// it); null on channels without Universal Actions.
    /// </summary>
    public static Refresh? Refresh(CardActionData data, CardContext context) =>
        context.Capabilities.UniversalActions
            ? new Refresh { Action = new ExecuteAction { Verb = CardVerbs.Refresh, Data = data with { Verb = CardVerbs.Refresh } }, UserIds = [] }
            : null;

    /// <summary>Teams' extension of <c>Action.Submit</c> data.</summary>
    public sealed record TeamsCommandData([property: JsonPropertyName("msteams")] TeamsImBack MsTeams);

    /// <summary>Teams posts <see cref="Value"/> into the chat as the user's message.</summary>
    public sealed record TeamsImBack([property: JsonPropertyName("value")] string Value)
    {
        [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type => "imBack";
    }
}
