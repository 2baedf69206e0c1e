using System.Globalization;

namespace SalesCoach.Bench;

public sealed class OptionException(string message) : Exception(message);

/// <summary><c>--name value</c> pairs.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
            {
                throw new OptionException($"expected --name value, got '{list[i]}'");
            }

            options.values[list[i][2..]] = list[++i];
        }

        return options;
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public override string ToString() => string.Join(' ', values.Select(kv => $"--{kv.Key} {kv.Value}"));
}
