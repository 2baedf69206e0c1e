using System.Text.RegularExpressions;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Cards;

/// <summary>The pieces SalesCoach cards share: headings, plain text that is never read as markdown, task lines, banners.</summary>
internal static partial class CardParts
{
    // The bytes of the container around a group of task lines (see ByLead).
    private const int GroupOverhead = 80;

    /// <summary>The longest title shown on one task line; longer ones are cut with "…".</summary>
    public const int MaxLineTitle = 120;

    /// <summary>A card with the current version; <paramref name="fallbackText"/> is what clients that cannot render it show.</summary>
    public static AdaptiveCard Card(
        IEnumerable<CardElement?> body, string fallbackText, IReadOnlyList<CardAction>? actions = null, Refresh? refresh = null) =>
        new()
        {
            FallbackText = fallbackText,
            Refresh = refresh,
            Body = body.OfType<CardElement>().ToList(),
            Actions = actions is { Count: > 0 } ? actions : null,
        };

    /// <summary>The card's heading (markdown-free).</summary>
    public static CardElement Heading(string text) => Text(text, size: TextSize.Medium, weight: TextWeight.Bolder, heading: true);

    /// <summary>A small grey line under a heading or a title.</summary>
    public static CardElement Subtle(string text, Spacing? spacing = Spacing.None) =>
        Text(text, size: TextSize.Small, subtle: true, spacing: spacing);

    /// <summary>Markdown a person wrote for cards (guidance, SalesCoach's own texts).</summary>
    public static TextBlock Markdown(string text, Spacing? spacing = null) => new() { Text = text, Wrap = true, Spacing = spacing };

    /// <summary>
    /// Text from data (lead names, task titles) shown exactly: a <c>TextBlock</c> when it has no
    /// markdown characters, else a <c>RichTextBlock</c>, whose text runs are never read as markdown.
    /// </summary>
    public static CardElement Text(
        string text, TextSize? size = null, TextWeight? weight = null, TextColor? color = null, bool subtle = false,
        Spacing? spacing = null, bool heading = false, bool wrap = true)
    {
        if (!MarkdownSignificant().IsMatch(text))
        {
            return new TextBlock
            {
                Text = text, Size = size, Weight = weight, Color = color, IsSubtle = subtle ? true : null, Wrap = wrap ? true : null,
                Spacing = spacing, Style = heading ? TextBlockStyle.Heading : null,
            };
        }

        return new RichTextBlock
        {
            Spacing = spacing,
            Inlines = [new TextRun { Text = text, Size = size, Weight = weight, Color = color, IsSubtle = subtle ? true : null }],
        };
    }

    /// <summary>A coloured box with a bold line and an optional detail line, e.g. "Done by Ana at 10:42".</summary>
    public static Container Banner(string text, ContainerStyle style, TextColor color, string? detail = null) => new()
    {
        Style = style,
        Items = detail is null
            ? [Text(text, weight: TextWeight.Bolder, color: color)]
            : [Text(text, weight: TextWeight.Bolder, color: color), Text(detail, size: TextSize.Small, spacing: Spacing.None)],
    };

    /// <summary>
    /// One task: title and a detail line (due, done by …) on the left, an optional button on the
    /// right. <paramref name="mark"/> is a leading symbol such as ☐ or ✓.
    /// </summary>
    public static ColumnSet TaskLine(string title, string detail, TextColor? detailColor, CardAction? action, string? mark = null, bool done = false)
    {
        var left = new Column
        {
            Width = Column.Stretch,
            Items =
            [
                Text(Shorten(mark is null ? title : $"{mark} {title}", MaxLineTitle), subtle: done),
                Text(detail, size: TextSize.Small, color: detailColor, subtle: detailColor is null, spacing: Spacing.None, wrap: false),
            ],
        };
        return new ColumnSet
        {
            Columns = action is null
                ? [left]
                : [left, new Column { Width = Column.Auto, Items = [new ActionSet { Actions = [action] }] }],
        };
    }

    /// <summary>
    /// Renders items in order while both <paramref name="maxItems"/> and <paramref name="maxBytes"/>
    /// (serialized size) allow, so a long list can never push a card over Teams' 28 KB; returns
    /// the rendered items with their sources and how many were left out. With
    /// <paramref name="groupName"/> the heading of each group (see <see cref="ByLead"/>) counts too.
    /// </summary>
    public static (List<(T Item, CardElement Element)> Shown, int LeftOut) WithinBudget<T>(
        IReadOnlyList<T> items, Func<T, CardElement> render, int maxItems, int maxBytes, Func<T, string>? groupName = null)
    {
        var shown = new List<(T, CardElement)>();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var bytes = 0;
        foreach (var item in items.Take(maxItems))
        {
            var element = render(item);
            bytes += CardJson.Utf8Size(element) + 1;
            if (groupName is not null && groups.Add(groupName(item)))
            {
                bytes += CardJson.Utf8Size(Text(groupName(item), weight: TextWeight.Bolder)) + GroupOverhead;
            }

            if (bytes > maxBytes)
            {
                break;
            }

            shown.Add((item, element));
        }

        return (shown, items.Count - shown.Count);
    }

    /// <summary>Task lines grouped under their lead's name, leads in the order they first appear.</summary>
    public static IEnumerable<CardElement> ByLead<T>(IEnumerable<(T Item, CardElement Element)> lines, Func<T, string> leadId, Func<T, string> leadName) =>
        lines.GroupBy(l => leadId(l.Item)).Select(group => (CardElement)new Container
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Items = [Text(leadName(group.First().Item), weight: TextWeight.Bolder), .. group.Select(l => l.Element)],
        });

    /// <summary>A lead's name with its company when that says something more.</summary>
    public static string LeadTitle(string name, string? company) =>
        string.IsNullOrWhiteSpace(company) || string.Equals(company, name, StringComparison.OrdinalIgnoreCase) ? name : $"{name} ({company})";

    /// <summary>Cuts text to <paramref name="max"/> characters at a word, with "…".</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd() + "…";
    }

    /// <summary>"1 task", "3 tasks".</summary>
    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    // Characters the Adaptive Cards markdown subset could read: emphasis, links, list and heading starts.
    [GeneratedRegex(@"[*_\[\]`~<>\\]|^\s*([-+#]|\d+\.)\s")]
    private static partial Regex MarkdownSignificant();
}
