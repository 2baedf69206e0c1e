using System.Globalization;
using SalesCoach.Common;

namespace SalesCoach.Bot.Simulation;

/// <summary><c>simulate --reps 20 --leads 5000 --days 120 --seed 7 [--demo]</c>, read with every problem listed.</summary>
public sealed record SimulationOptions
{
    public int Reps { get; init; } = 20;
    public int Leads { get; init; } = 5000;
    public int Days { get; init; } = 120;
    public int Seed { get; init; } = 7;

    /// <summary>Load the history into the embedded default's database (the sample team and pipeline) instead of printing a report.</summary>
    public bool Demo { get; init; }

    public static (SimulationOptions? Options, IReadOnlyList<Problem> Problems) Parse(IReadOnlyList<string> args)
    {
        var options = new SimulationOptions();
        var problems = new List<Problem>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--demo")
            {
                options = options with { Demo = true };
                continue;
            }

            var value = i + 1 < args.Count ? args[++i] : null;
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                problems.Add(new Problem(name, $"needs a whole number, not '{value}'"));
                continue;
            }

            switch (name)
            {
                case "--reps" when number is >= 1 and <= 1000: options = options with { Reps = number }; break;
                case "--leads" when number is >= 1 and <= 1_000_000: options = options with { Leads = number }; break;
                case "--days" when number is >= 1 and <= 3650: options = options with { Days = number }; break;
                case "--seed": options = options with { Seed = number }; break;
                case "--reps" or "--leads" or "--days": problems.Add(new Problem(name, $"{number} is out of range")); break;
                default: problems.Add(new Problem(name, "is not an option (--reps, --leads, --days, --seed, --demo)")); break;
            }
        }

        return problems.Count > 0 ? (null, problems) : (options, []);
    }
}
