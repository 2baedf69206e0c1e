using System.Text.Json.Serialization;

namespace SalesCoach.Bot.Cards.Model;

/// <summary><c>TextBlock</c>: text with the Adaptive Cards markdown subset.</summary>
public sealed record TextBlock : CardElement
{
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("size")] public TextSize? Size { get; init; }
    [JsonPropertyName("weight")] public TextWeight? Weight { get; init; }
    [JsonPropertyName("color")] public TextColor? Color { get; init; }
    [JsonPropertyName("isSubtle")] public bool? IsSubtle { get; init; }
    [JsonPropertyName("wrap")] public bool? Wrap { get; init; }
    [JsonPropertyName("maxLines")] public int? MaxLines { get; init; }
    [JsonPropertyName("style")] public TextBlockStyle? Style { get; init; }
    [JsonPropertyName("horizontalAlignment")] public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary><c>RichTextBlock</c>: a paragraph of <see cref="TextRun"/>s, each styled on its own (no markdown).</summary>
public sealed record RichTextBlock : CardElement
{
    [JsonPropertyName("inlines")] public required IReadOnlyList<TextRun> Inlines { get; init; }
    [JsonPropertyName("horizontalAlignment")] public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary><c>TextRun</c>: a piece of a <see cref="RichTextBlock"/>; its text is shown as is.</summary>
public sealed record TextRun
{
    [JsonPropertyName("type")] public string Type => "TextRun";
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("size")] public TextSize? Size { get; init; }
    [JsonPropertyName("weight")] public TextWeight? Weight { get; init; }
    [JsonPropertyName("color")] public TextColor? Color { get; init; }
    [JsonPropertyName("isSubtle")] public bool? IsSubtle { get; init; }
    [JsonPropertyName("italic")] public bool? Italic { get; init; }
    [JsonPropertyName("strikethrough")] public bool? Strikethrough { get; init; }
    [JsonPropertyName("highlight")] public bool? Highlight { get; init; }
    [JsonPropertyName("selectAction")] public CardAction? SelectAction { get; init; }
}

/// <summary><c>FactSet</c>: title/value pairs.</summary>
public sealed record FactSet : CardElement
{
    [JsonPropertyName("facts")] public required IReadOnlyList<Fact> Facts { get; init; }
}

/// <summary><c>Fact</c>: one line of a <see cref="FactSet"/>.</summary>
public sealed record Fact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

/// <summary><c>Image</c>.</summary>
public sealed record Image : CardElement
{
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("altText")] public string? AltText { get; init; }
    [JsonPropertyName("size")] public ImageSize? Size { get; init; }
    [JsonPropertyName("style")] public ImageStyle? Style { get; init; }
    [JsonPropertyName("width")] public string? Width { get; init; }
    [JsonPropertyName("height")] public string? Height { get; init; }
    [JsonPropertyName("horizontalAlignment")] public HorizontalAlignment? HorizontalAlignment { get; init; }
    [JsonPropertyName("selectAction")] public CardAction? SelectAction { get; init; }
}
