using System.Text.Json.Serialization;

namespace SalesCoach.Bot.Cards.Model;

/// <summary>
/// An Adaptive Card. The top-level card carries <see cref="Version"/> and <see cref="Schema"/>;
/// a card inside <see cref="ShowCardAction"/> may leave both null (<see cref="Nested"/>).
/// </summary>
public sealed record AdaptiveCard
{
    /// <summary>The version Teams renders and every SalesCoach card declares.</summary>
    public const string CurrentVersion = "1.5";

    /// <summary>The schema id cards name in <c>$schema</c>.</summary>
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("type"), JsonPropertyOrder(-3)] public string Type => "AdaptiveCard";
    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)] public string? Schema { get; init; } = SchemaUrl;
    [JsonPropertyName("version"), JsonPropertyOrder(-1)] public string? Version { get; init; } = CurrentVersion;
    [JsonPropertyName("fallbackText")] public string? FallbackText { get; init; }
    [JsonPropertyName("speak")] public string? Speak { get; init; }
    [JsonPropertyName("refresh")] public Refresh? Refresh { get; init; }
    [JsonPropertyName("body")] public IReadOnlyList<CardElement>? Body { get; init; }
    [JsonPropertyName("actions")] public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>A card for <see cref="ShowCardAction"/>: no version or schema of its own.</summary>
    public static AdaptiveCard Nested(IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions = null) =>
        new() { Schema = null, Version = null, Body = body, Actions = actions };
}

/// <summary>
/// <c>refresh</c> (Universal Actions): Teams runs <see cref="Action"/> (an <see cref="ExecuteAction"/>)
/// when the card is shown, so the viewer gets the card's current state; <see cref="UserIds"/>
/// names whom Teams refreshes automatically.
/// </summary>
public sealed record Refresh
{
    /// <summary>Must be an <see cref="ExecuteAction"/> (the schema allows nothing else).</summary>
    [JsonPropertyName("action")] public required CardAction Action { get; init; }
    [JsonPropertyName("userIds")] public IReadOnlyList<string>? UserIds { get; init; }
}
