using System.Text.Json.Serialization;

namespace SalesCoach.Bot.Cards.Model;

/// <summary><c>Container</c>: groups elements, optionally styled (e.g. <c>emphasis</c>, <c>good</c>).</summary>
public sealed record Container : CardElement
{
    [JsonPropertyName("items")] public required IReadOnlyList<CardElement> Items { get; init; }
    [JsonPropertyName("style")] public ContainerStyle? Style { get; init; }
    [JsonPropertyName("bleed")] public bool? Bleed { get; init; }
    [JsonPropertyName("verticalContentAlignment")] public VerticalContentAlignment? VerticalContentAlignment { get; init; }
    [JsonPropertyName("selectAction")] public CardAction? SelectAction { get; init; }
}

/// <summary><c>ColumnSet</c>: columns side by side.</summary>
public sealed record ColumnSet : CardElement
{
    [JsonPropertyName("columns")] public required IReadOnlyList<Column> Columns { get; init; }
    [JsonPropertyName("style")] public ContainerStyle? Style { get; init; }
    [JsonPropertyName("horizontalAlignment")] public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary><c>Column</c>: one column of a <see cref="ColumnSet"/>; <see cref="Width"/> is <c>auto</c>, <c>stretch</c> or pixels.</summary>
public sealed record Column
{
    /// <summary>As narrow as the content.</summary>
    public const string Auto = "auto";
    /// <summary>Takes the remaining width.</summary>
    public const string Stretch = "stretch";

    [JsonPropertyName("type")] public string Type => "Column";
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("items")] public required IReadOnlyList<CardElement> Items { get; init; }
    [JsonPropertyName("width")] public string? Width { get; init; }
    [JsonPropertyName("style")] public ContainerStyle? Style { get; init; }
    [JsonPropertyName("spacing")] public Spacing? Spacing { get; init; }
    [JsonPropertyName("separator")] public bool? Separator { get; init; }
    [JsonPropertyName("verticalContentAlignment")] public VerticalContentAlignment? VerticalContentAlignment { get; init; }
    [JsonPropertyName("selectAction")] public CardAction? SelectAction { get; init; }

    /// <summary>A fixed width, e.g. <c>Pixels(24)</c> → <c>"24px"</c>.</summary>
    public static string Pixels(int pixels) => $"{pixels}px";
}

/// <summary><c>ActionSet</c>: buttons inside the body, e.g. one per task line.</summary>
public sealed record ActionSet : CardElement
{
    [JsonPropertyName("actions")] public required IReadOnlyList<CardAction> Actions { get; init; }
}
