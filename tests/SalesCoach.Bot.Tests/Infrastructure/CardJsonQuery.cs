using System.Text.Json.Nodes;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Tests.Infrastructure;

/// <summary>Reads a serialized card the way a client would: its texts, its buttons and what they send.</summary>
public sealed class CardJsonQuery
{
    private readonly List<(JsonObject Action, bool InShowCard)> actions = [];

    public CardJsonQuery(AdaptiveCard card)
    {
        Json = CardJson.ToJsonObject(card);
        Walk(Json, inShowCard: false);
    }

    /// <summary>The card as JSON.</summary>
    public JsonObject Json { get; }

    /// <summary>Every action: the card's, those in ActionSets and inside show cards (not the refresh).</summary>
    public IEnumerable<JsonObject> Actions => actions.Select(a => a.Action);

    /// <summary>The buttons a viewer sees before unfolding a show card.</summary>
    public IEnumerable<string> ButtonTitles => actions.Where(a => !a.InShowCard).Select(a => (string)a.Action["title"]!);

    /// <summary>The refresh action, if any.</summary>
    public JsonObject? RefreshAction { get; private set; }

    /// <summary>Every text: TextBlocks, TextRuns, facts ("title: value"), input labels.</summary>
    public List<string> Texts { get; } = [];

    /// <summary>Every input by id.</summary>
    public Dictionary<string, JsonObject> Inputs { get; } = [];

    /// <summary>All text on the card, one line each.</summary>
    public string AllText => string.Join("\n", Texts);

    /// <summary>The one action with this title.</summary>
    public JsonObject Action(string title) => Assert.Single(Actions, a => (string?)a["title"] == title);

    /// <summary>The actions with this title (e.g. one Complete per task).</summary>
    public List<JsonObject> ActionsTitled(string title) => Actions.Where(a => (string?)a["title"] == title).ToList();

    /// <summary>The data object of an action.</summary>
    public static JsonObject DataOf(JsonObject action) => Assert.IsType<JsonObject>(action["data"]);

    /// <summary>Every data payload an action or the refresh would send.</summary>
    public IEnumerable<JsonNode> AllData =>
        Actions.Append(RefreshAction).OfType<JsonObject>().Select(a => a["data"]).OfType<JsonNode>();

    private void Walk(JsonNode? node, bool inShowCard)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Walk(item, inShowCard);
            }
        }
        else if (node is JsonObject obj)
        {
            Visit(obj, inShowCard);
        }
    }

    private void Visit(JsonObject obj, bool inShowCard)
    {
        var type = (string?)obj["type"];
        if (type?.StartsWith("Action.", StringComparison.Ordinal) == true)
        {
            actions.Add((obj, inShowCard));
        }

        switch (type)
        {
            case "TextBlock" or "TextRun":
                Texts.Add((string)obj["text"]!);
                break;
            case "FactSet":
                Texts.AddRange(obj["facts"]!.AsArray().Select(f => $"{f!["title"]}: {f["value"]}"));
                break;
            case "Input.ChoiceSet" or "Input.Text" or "Input.Date" or "Input.Time":
                Inputs[(string)obj["id"]!] = obj;
                if (obj["label"] is JsonValue label)
                {
                    Texts.Add((string)label!);
                }

                break;
        }

        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "refresh":
                    RefreshAction = value?["action"]?.AsObject();
                    break;
                case "data":
                    break; // payload, not content
                case "card" when type == "Action.ShowCard":
                    Walk(value, inShowCard: true);
                    break;
                default:
                    Walk(value, inShowCard);
                    break;
            }
        }
    }
}
