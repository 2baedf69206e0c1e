using System.Text.RegularExpressions;

namespace SalesCoach.Bot.Cards;

/// <summary>One concrete suggestion drawn from a stage's guidance: its first bullet, else its first sentence.</summary>
public static partial class CoachingSuggestion
{
    public const int MaxLength = 240;

    public static string? From(string? guidance)
    {
        if (string.IsNullOrWhiteSpace(guidance))
        {
            return null;
        }

        var lines = guidance.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var bullet = lines.FirstOrDefault(l => Bullet().IsMatch(l));
        var text = bullet is not null
            ? Bullet().Replace(bullet, "")
            : Sentence().Match(string.Join(' ', lines)) is { Success: true } m ? m.Value : string.Join(' ', lines);
        text = Emphasis().Replace(text, "").Trim();
        return text.Length == 0 ? null : CardParts.Shorten(text, MaxLength);
    }

    [GeneratedRegex(@"^([-*+]|\d+[.)])\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^.+?[.!?](?=\s|$)")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"[*_`]")]
    private static partial Regex Emphasis();
}
