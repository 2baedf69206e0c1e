using System.Xml;

namespace SalesCoach.Pipelines;

/// <summary>ISO-8601 durations as pipelines write them (<c>P2D</c>, <c>PT4H</c>, <c>P1DT12H</c>, <c>P1W</c>).</summary>
public static class IsoDuration
{
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
            duration = TimeSpan.FromDays(7 * weeks); // PnW: the ISO week form, which XmlConvert does not read
            return true;
        }

        var datePart = text.Split('T')[0];
        if (datePart.Contains('Y') || datePart.Contains('M'))
        {
            return false;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return duration >= TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
