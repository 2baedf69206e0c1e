namespace SalesCoach.Analytics;

/// <summary>One stage of a rep against their team.</summary>
[GenerateSerializer, Immutable]
public sealed record StageCoaching
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public double? RepConversion { get; init; }
    [Id(3)] public double? TeamConversion { get; init; }
    [Id(4)] public double? RepDaysInStage { get; init; }
    [Id(5)] public double? TeamDaysInStage { get; init; }
    [Id(6)] public long RepExits { get; init; }
}
