using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// The data of every SalesCoach card action, the same for <c>Action.Execute</c> (Teams) and
/// <c>Action.Submit</c> (Web Chat): what to act on, never who acts — the actor is always the
/// activity's sender. The client merges input values into it under their ids
/// (<see cref="CardInputs"/>), so the payload a handler receives parses back into this record.
/// </summary>
public sealed record CardActionData
{
    /// <summary>One of <see cref="CardVerbs"/>.</summary>
    [JsonPropertyName("verb")] public required string Verb { get; init; }

    /// <summary>The card the action is on (<see cref="CardNames"/>), to answer with it refreshed.</summary>
    [JsonPropertyName("card")] public string? Card { get; init; }

    [JsonPropertyName("leadId")] public string? LeadId { get; init; }
    [JsonPropertyName("taskId")] public string? TaskId { get; init; }

    /// <summary>The stage the card showed: a confirm or advance for a stage the lead has left is stale.</summary>
    [JsonPropertyName("stageId")] public string? StageId { get; init; }

    /// <summary>The UTC offset the card showed times in (<c>+02:00</c>): a snooze date and time are read in it.</summary>
    [JsonPropertyName("utcOffset")] public string? UtcOffset { get; init; }

    /// <summary>Input <see cref="CardInputs.Snooze"/>.</summary>
    [JsonPropertyName(CardInputs.Snooze)] public string? Snooze { get; init; }

    /// <summary>Input <see cref="CardInputs.SnoozeDate"/>.</summary>
    [JsonPropertyName(CardInputs.SnoozeDate)] public string? SnoozeDate { get; init; }

    /// <summary>Input <see cref="CardInputs.SnoozeTime"/>.</summary>
    [JsonPropertyName(CardInputs.SnoozeTime)] public string? SnoozeTime { get; init; }

    /// <summary>Input <see cref="CardInputs.KudosTo"/>.</summary>
    [JsonPropertyName(CardInputs.KudosTo)] public string? KudosTo { get; init; }

    /// <summary>Input <see cref="CardInputs.KudosText"/>.</summary>
    [JsonPropertyName(CardInputs.KudosText)] public string? KudosText { get; init; }

    /// <summary>Input <see cref="CardInputs.FunnelTeam"/>.</summary>
    [JsonPropertyName(CardInputs.FunnelTeam)] public string? FunnelTeam { get; init; }

    /// <summary>Input <see cref="CardInputs.FunnelRep"/>.</summary>
    [JsonPropertyName(CardInputs.FunnelRep)] public string? FunnelRep { get; init; }

    /// <summary>Input <see cref="CardInputs.FunnelPeriod"/>.</summary>
    [JsonPropertyName(CardInputs.FunnelPeriod)] public string? FunnelPeriod { get; init; }

    /// <summary>Input <see cref="CardInputs.Pipeline"/>.</summary>
    [JsonPropertyName(CardInputs.Pipeline)] public string? Pipeline { get; init; }

    /// <summary>Input <see cref="CardInputs.CoachingRep"/>.</summary>
    [JsonPropertyName(CardInputs.CoachingRep)] public string? CoachingRep { get; init; }

    /// <summary>Input <see cref="CardInputs.CoachingPeriod"/>.</summary>
    [JsonPropertyName(CardInputs.CoachingPeriod)] public string? CoachingPeriod { get; init; }

    /// <summary>
    /// Reads the data of an <c>Action.Submit</c> (a message's <c>value</c>) or of an
    /// <c>Action.Execute</c> (the invoke's <c>action.data</c>, with <paramref name="verb"/> =
    /// <c>action.verb</c>, which wins when both are given). Unknown members are ignored; null when
    /// there is no object or no verb.
    /// </summary>
    public static CardActionData? Parse(JsonNode? data, string? verb = null)
    {
        if (data is not JsonObject obj)
        {
            return string.IsNullOrWhiteSpace(verb) ? null : new CardActionData { Verb = verb };
        }

        string? Text(string name) => obj.TryGetPropertyValue(name, out var node) && node is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
                _ => null,
            }
            : null;

        var effectiveVerb = string.IsNullOrWhiteSpace(verb) ? Text("verb") : verb;
        if (string.IsNullOrWhiteSpace(effectiveVerb))
        {
            return null;
        }

        return new CardActionData
        {
            Verb = effectiveVerb,
            Card = Text("card"),
            LeadId = Text("leadId"),
            TaskId = Text("taskId"),
            StageId = Text("stageId"),
            UtcOffset = Text("utcOffset"),
            Snooze = Empty(Text(CardInputs.Snooze)),
            SnoozeDate = Empty(Text(CardInputs.SnoozeDate)),
            SnoozeTime = Empty(Text(CardInputs.SnoozeTime)),
            KudosTo = Empty(Text(CardInputs.KudosTo)),
            KudosText = Empty(Text(CardInputs.KudosText)),
            FunnelTeam = Empty(Text(CardInputs.FunnelTeam)),
            FunnelRep = Empty(Text(CardInputs.FunnelRep)),
            FunnelPeriod = Empty(Text(CardInputs.FunnelPeriod)),
            Pipeline = Empty(Text(CardInputs.Pipeline)),
            CoachingRep = Empty(Text(CardInputs.CoachingRep)),
            CoachingPeriod = Empty(Text(CardInputs.CoachingPeriod)),
        };
    }

    /// <summary>The data as the JSON object a card carries.</summary>
    public JsonObject ToJsonObject() => JsonSerializer.SerializeToNode(this, CardJson.Options)!.AsObject();

    // Clients send an input left empty as "".
    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
