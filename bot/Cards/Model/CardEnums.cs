using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Bot.Cards.Model;

/// <summary>Writes an Adaptive Card enum as its camelCase schema name (<c>extraLarge</c>, <c>bolder</c>).</summary>
public sealed class CardEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary><c>FontSize</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<TextSize>))]
public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

/// <summary><c>FontWeight</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<TextWeight>))]
public enum TextWeight { Default, Lighter, Bolder }

/// <summary><c>Colors</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<TextColor>))]
public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

/// <summary><c>TextBlockStyle</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<TextBlockStyle>))]
public enum TextBlockStyle { Default, Heading }

/// <summary><c>Spacing</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<Spacing>))]
public enum Spacing { Default, None, Small, Medium, Large, ExtraLarge, Padding }

/// <summary><c>ContainerStyle</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<ContainerStyle>))]
public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

/// <summary><c>HorizontalAlignment</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment { Left, Center, Right }

/// <summary><c>VerticalContentAlignment</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<VerticalContentAlignment>))]
public enum VerticalContentAlignment { Top, Center, Bottom }

/// <summary><c>ImageSize</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<ImageSize>))]
public enum ImageSize { Auto, Stretch, Small, Medium, Large }

/// <summary><c>ImageStyle</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<ImageStyle>))]
public enum ImageStyle { Default, Person }

/// <summary><c>ChoiceInputStyle</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle { Compact, Expanded }

/// <summary><c>TextInputStyle</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<TextInputStyle>))]
public enum TextInputStyle { Text, Tel, Url, Email, Password }

/// <summary><c>ActionStyle</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<ActionStyle>))]
public enum ActionStyle { Default, Positive, Destructive }

/// <summary><c>ActionMode</c> (1.5): a button, or an entry in the overflow menu.</summary>
[JsonConverter(typeof(CardEnumConverter<ActionMode>))]
public enum ActionMode { Primary, Secondary }

/// <summary><c>AssociatedInputs</c>: which inputs a submit or execute gathers.</summary>
[JsonConverter(typeof(CardEnumConverter<AssociatedInputs>))]
public enum AssociatedInputs { Auto, None }
