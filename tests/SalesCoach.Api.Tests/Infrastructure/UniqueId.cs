namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>Ids no other test uses, so tests sharing one host never see each other's leads, pipelines or reps.</summary>
public static class UniqueId
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
