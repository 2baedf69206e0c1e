using System.Text.Json.Serialization;

namespace SalesCoach.Bot.Cards.Model;

/// <summary>A button (<c>ImplementationsOf.Action</c>); the JSON <c>type</c> comes from the concrete class.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    [JsonPropertyName("title"), JsonPropertyOrder(-1)] public string? Title { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("style")] public ActionStyle? Style { get; init; }
    [JsonPropertyName("tooltip")] public string? Tooltip { get; init; }
    [JsonPropertyName("mode")] public ActionMode? Mode { get; init; }
    [JsonPropertyName("isEnabled")] public bool? IsEnabled { get; init; }
}

/// <summary>
/// <c>Action.Execute</c> (Universal Actions, 1.4+): Teams sends an <c>invoke</c>
/// <c>adaptiveCard/action</c> with <see cref="Verb"/> and <see cref="Data"/> (inputs merged in)
/// and shows the card the bot answers with in place of this one.
/// </summary>
public sealed record ExecuteAction : CardAction
{
    [JsonPropertyName("verb")] public string? Verb { get; init; }
    /// <summary>An object (serialized by its runtime type) or a string.</summary>
    [JsonPropertyName("data")] public object? Data { get; init; }
    [JsonPropertyName("associatedInputs")] public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary><c>Action.Submit</c>: the client posts <see cref="Data"/> (inputs merged in) to the bot as a message's <c>value</c>.</summary>
public sealed record SubmitAction : CardAction
{
    /// <summary>An object (serialized by its runtime type) or a string.</summary>
    [JsonPropertyName("data")] public object? Data { get; init; }
    [JsonPropertyName("associatedInputs")] public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary><c>Action.OpenUrl</c>.</summary>
public sealed record OpenUrlAction : CardAction
{
    [JsonPropertyName("url")] public required string Url { get; init; }
}

/// <summary><c>Action.ShowCard</c>: unfolds <see cref="Card"/> under the buttons (its inputs go with its actions).</summary>
public sealed record ShowCardAction : CardAction
{
    [JsonPropertyName("card")] public required AdaptiveCard Card { get; init; }
}
