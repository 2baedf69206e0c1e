using System.Text.Json.Serialization;

namespace SalesCoach.Bot.Cards.Model;

/// <summary>
/// An input (<c>Extendable.Input</c>): its value is sent with the action's data under <see cref="Id"/>.
/// </summary>
public abstract record InputElement : CardElement
{
    /// <summary>The key of the value in the submitted data; required for inputs.</summary>
    [JsonPropertyName("id"), JsonPropertyOrder(-1)] public new required string Id { get; init; }
    [JsonPropertyName("label"), JsonPropertyOrder(-1)] public string? Label { get; init; }
    [JsonPropertyName("isRequired")] public bool? IsRequired { get; init; }
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; init; }
}

/// <summary><c>Input.Text</c>.</summary>
public sealed record TextInput : InputElement
{
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("isMultiline")] public bool? IsMultiline { get; init; }
    [JsonPropertyName("maxLength")] public int? MaxLength { get; init; }
    [JsonPropertyName("style")] public TextInputStyle? Style { get; init; }
    [JsonPropertyName("regex")] public string? Regex { get; init; }
}

/// <summary><c>Input.Date</c>: values are <c>yyyy-MM-dd</c>.</summary>
public sealed record DateInput : InputElement
{
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("min")] public string? Min { get; init; }
    [JsonPropertyName("max")] public string? Max { get; init; }
}

/// <summary><c>Input.Time</c>: values are <c>HH:mm</c>.</summary>
public sealed record TimeInput : InputElement
{
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("min")] public string? Min { get; init; }
    [JsonPropertyName("max")] public string? Max { get; init; }
}

/// <summary><c>Input.ChoiceSet</c>: a drop-down (<c>compact</c>) or radio buttons (<c>expanded</c>).</summary>
public sealed record ChoiceSetInput : InputElement
{
    [JsonPropertyName("choices")] public required IReadOnlyList<Choice> Choices { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("style")] public ChoiceInputStyle? Style { get; init; }
    [JsonPropertyName("isMultiSelect")] public bool? IsMultiSelect { get; init; }
    [JsonPropertyName("wrap")] public bool? Wrap { get; init; }
}

/// <summary><c>Input.Choice</c>: what the user sees and the value sent.</summary>
public sealed record Choice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);
