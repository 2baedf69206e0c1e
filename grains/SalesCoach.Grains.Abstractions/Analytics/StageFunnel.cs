namespace SalesCoach.Analytics;

/// <summary>
/// One stage in the period: leads that entered it, left it forward (<see cref="Advanced"/>) or lost
/// from it (<see cref="Dropped"/>); conversion = advanced ÷ exits; stuck = open now and in the stage
/// longer than the threshold.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StageFunnel
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public long Entered { get; init; }
    [Id(3)] public long Advanced { get; init; }
    [Id(4)] public long Exited { get; init; }
    [Id(5)] public long Dropped { get; init; }
    [Id(6)] public double? Conversion { get; init; }
    [Id(7)] public double? AvgDaysInStage { get; init; }
    [Id(8)] public long Stuck { get; init; }
}
