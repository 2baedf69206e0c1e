using System.Globalization;

namespace SalesCoach.Bench;

/// <summary>Medians, percentiles and the small tables every measure prints.</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = p / 100.0 * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    public static string F(double value, int decimals = 1) =>
        double.IsNaN(value) ? "n/a" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>"median (min–max, n rounds)".</summary>
    public static string Spread(IReadOnlyList<double> values, int decimals = 1) =>
        $"{F(Median(values), decimals)} (min {F(values.Min(), decimals)} – max {F(values.Max(), decimals)}, {values.Count} rounds)";

    public static void Table(string title, IEnumerable<(string Name, string Value)> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
        foreach (var (name, value) in rows)
        {
            Console.WriteLine($"  {name,-34} {value}");
        }
    }

    public static string Verdict(bool met) => met ? "MET" : "MISSED";
}
