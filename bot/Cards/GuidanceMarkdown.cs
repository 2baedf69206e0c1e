using System.Text;
using System.Text.RegularExpressions;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// Turns a manager's guidance (markdown as people write it) into the markdown subset Adaptive
/// Cards render in a <c>TextBlock</c>: <c>**bold**</c>, <c>_italic_</c>, <c>- </c> and
/// <c>1. </c> lists, <c>[links](https://…)</c>. Headings become bold lines, hard-wrapped lines
/// are joined into paragraphs, and what cards cannot show (images, code, tables, HTML,
/// strikethrough, links to anything but http, https or mailto) keeps only its text.
/// </summary>
public static partial class GuidanceMarkdown
{
    /// <summary>The guidance as card markdown, cut at a paragraph or word near <paramref name="maxLength"/> characters.</summary>
    public static string ToCardMarkdown(string? markdown, int maxLength = 4000)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var blocks = new List<string>();
        var paragraph = new List<string>();
        var list = new List<string>();
        var inFence = false;

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(Inline(string.Join(' ', paragraph)));
                paragraph.Clear();
            }
        }

        void FlushList()
        {
            if (list.Count > 0)
            {
                blocks.Add(string.Join('\n', list));
                list.Clear();
            }
        }

        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = raw.TrimEnd();
            if (Fence().IsMatch(line))
            {
                FlushParagraph();
                FlushList();
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                // Code keeps its lines, as plain text.
                if (line.Trim().Length > 0)
                {
                    blocks.Add(line.Trim());
                }

                continue;
            }

            if (line.Trim().Length == 0 || Rule().IsMatch(line))
            {
                FlushParagraph();
                FlushList();
                continue;
            }

            if (Heading().Match(line) is { Success: true } heading)
            {
                FlushParagraph();
                FlushList();
                blocks.Add($"**{Strong(Inline(heading.Groups[1].Value))}**");
                continue;
            }

            if (Bullet().Match(line) is { Success: true } bullet)
            {
                FlushParagraph();
                list.Add("- " + Inline(bullet.Groups[1].Value));
                continue;
            }

            if (Numbered().Match(line) is { Success: true } numbered)
            {
                FlushParagraph();
                list.Add($"{numbered.Groups[1].Value}. {Inline(numbered.Groups[2].Value)}");
                continue;
            }

            if (TableRow().IsMatch(line))
            {
                FlushParagraph();
                FlushList();
                if (!TableSeparator().IsMatch(line))
                {
                    var cells = line.Trim().Trim('|').Split('|').Select(c => Inline(c.Trim())).Where(c => c.Length > 0);
                    blocks.Add(string.Join(" · ", cells));
                }

                continue;
            }

            var text = Quote().Replace(line, "").Trim();
            if (list.Count > 0 && char.IsWhiteSpace(raw, 0))
            {
                // An indented line continues the list item above it.
                list[^1] += " " + Inline(text);
                continue;
            }

            FlushList();
            paragraph.Add(text);
        }

        FlushParagraph();
        FlushList();
        return Cut(blocks, maxLength);
    }

    private static string Inline(string text)
    {
        var s = Image().Replace(text, m => m.Groups[1].Value);
        s = AutoLink().Replace(s, m => $"[{m.Groups[1].Value}]({m.Groups[1].Value})");
        s = Html().Replace(s, "");
        s = Code().Replace(s, m => m.Groups[1].Value);
        s = Strike().Replace(s, m => m.Groups[1].Value);
        s = UnderscoreBold().Replace(s, m => $"**{m.Groups[1].Value}**");
        s = StarItalic().Replace(s, m => $"_{m.Groups[1].Value}_");
        s = Link().Replace(s, m => SafeUrl(m.Groups[2].Value) ? $"[{m.Groups[1].Value}]({m.Groups[2].Value})" : m.Groups[1].Value);
        return Spaces().Replace(s, " ").Trim();
    }

    // A heading made bold must not nest bold markers.
    private static string Strong(string text) => text.Replace("**", "", StringComparison.Ordinal);

    private static bool SafeUrl(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    private static string Cut(List<string> blocks, int maxLength)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            var separator = text.Length == 0 ? "" : "\n\n";
            if (text.Length + separator.Length + block.Length <= maxLength)
            {
                text.Append(separator).Append(block);
                continue;
            }

            var room = maxLength - text.Length - separator.Length - 1;
            if (room > 20)
            {
                var cut = block[..room];
                var space = cut.LastIndexOf(' ');
                text.Append(separator).Append(space > 0 ? cut[..space] : cut);
            }

            text.Append('…');
            break;
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^\s*(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*([-*_])(\s*\1){2,}\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*+]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*(\d{1,3})[.)]\s+(.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^\s*\|.*\|\s*$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^\s*(>\s?)+")]
    private static partial Regex Quote();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"<((?:https?://|mailto:)[^>\s]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Html();

    [GeneratedRegex(@"`+([^`]+)`+")]
    private static partial Regex Code();

    [GeneratedRegex(@"~~(.+?)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"__(.+?)__")]
    private static partial Regex UnderscoreBold();

    [GeneratedRegex(@"(?<![*\w])\*(?!\s|\*)([^*]+?)(?<!\s)\*(?![*\w])")]
    private static partial Regex StarItalic();

    [GeneratedRegex(@"\[([^\]]+)\]\(\s*((?:[^()\s]|\([^()\s]*\))+)(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
