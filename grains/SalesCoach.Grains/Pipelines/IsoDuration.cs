using System.Xml;

namespace SalesCoach.Pipelines;

/// <summary>ISO-8601 durations as pipelines write them (<c>P2D</c>, <c>PT4H</c>, <c>P1DT12H</c>, <c>P1W</c>).</summary>
public static class IsoDuration
{
    /// <summary>The longest due time a task may have: ten years is already more than any sales process needs.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    /// <summary>Parses a non-negative duration; years and months are not allowed (their length varies).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P'))
        {
            return false;
        }

        if (text.Length > 2 && text[^1] == 'W' && int.TryParse(text.AsSpan(1, text.Length - 2), out var weeks) && weeks >= 0)
        {
            duration = TimeSpan.FromDays(7.0 * weeks); // PnW: the ISO week form, which XmlConvert does not read
            return duration <= Longest;
        }

        var datePart = text.Split('T')[0];
        if (datePart.Contains('Y') || datePart.Contains('M'))
        {
            return false;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return duration >= TimeSpan.Zero && duration <= Longest;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return false;
        }
    }
}
