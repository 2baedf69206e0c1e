using System.Text.RegularExpressions;

namespace SalesCoach.Bot.Api;

/// <summary>What an id in a URL may look like: short, printable, no separators that confuse logs or keys.</summary>
public static partial class Ids
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public const string Rule = "1–128 letters, digits or . _ @ -";

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,128}$")]
    private static partial Regex Pattern();
}
