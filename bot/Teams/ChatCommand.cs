namespace SalesCoach.Bot.Teams;

/// <summary>A chat command a rep typed, and its argument (the rest of the text).</summary>
public sealed record ChatCommand(string Name, string Argument)
{
    public const string Help = "help";
    public const string Tasks = "tasks";
    public const string Lead = "lead";
    public const string Advance = "advance";
    public const string NewLead = "new lead";
    public const string Funnel = "funnel";
    public const string Coach = "coach";
    public const string Kudos = "kudos";

    /// <summary>Longest names first, so <c>new lead</c> is not read as an unknown <c>new</c>.</summary>
    private static readonly string[] Names = [NewLead, Help, Tasks, Lead, Advance, Funnel, Coach, Kudos];

    /// <summary>
    /// Reads a message's text: Teams' <c>&lt;at&gt;SalesCoach&lt;/at&gt;</c> mention and extra
    /// whitespace are ignored, the name is case-insensitive; unknown text gives null.
    /// </summary>
    public static ChatCommand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = System.Text.RegularExpressions.Regex.Replace(text, "<at>.*?</at>", " ", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        cleaned = string.Join(' ', cleaned.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var name in Names)
        {
            if (cleaned.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return new ChatCommand(name, "");
            }

            if (cleaned.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase))
            {
                return new ChatCommand(name, cleaned[(name.Length + 1)..].Trim());
            }
        }

        return cleaned is "?" or "hi" or "hello" ? new ChatCommand(Help, "") : null;
    }
}
