namespace SalesCoach.Analytics;

/// <summary>
/// A stage's historical stage-to-win rate: of the closed leads that had been in the stage, the share
/// won. <see cref="Rate"/> is what the forecast by history used: that share when a lead has closed
/// after the stage (<see cref="Basis"/> <c>history</c>), else the stage's configured probability
/// (<c>probability</c>), else 0 (<c>none</c>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StageWinRate
{
    public const string History = "history";
    public const string Probability = "probability";
    public const string None = "none";

    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";
    /// <summary>Closed leads (won or lost) that had been in the stage.</summary>
    [Id(2)] public long Closed { get; init; }
    /// <summary>Of those, the leads won.</summary>
    [Id(3)] public long Won { get; init; }
    /// <summary>Won ÷ closed; null when none closed.</summary>
    [Id(4)] public double? WinRate { get; init; }
    [Id(5)] public double Rate { get; init; }
    [Id(6)] public string Basis { get; init; } = None;
}
