namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>Unique ids, so tests sharing a cluster never touch each other's grains.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
