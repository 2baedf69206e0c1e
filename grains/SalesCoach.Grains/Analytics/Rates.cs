namespace SalesCoach.Analytics;

/// <summary>Division that never yields NaN or Infinity: null when there is nothing to divide by.</summary>
public static class Rates
{
    public static double? Of(long part, long whole) => whole <= 0 ? null : Math.Round((double)part / whole, 4);

    public static double? Average(double sum, long count) => count <= 0 ? null : Math.Round(sum / count, 2);

    public static decimal? Average(decimal sum, long count) => count <= 0 ? null : Math.Round(sum / count, 2);

    public static double? Of(decimal part, decimal whole) => whole <= 0 ? null : Math.Round((double)(part / whole), 4);
}
