namespace SalesCoach.Analytics;

/// <summary>An open lead as the forecast and the stuck count see it.</summary>
[GenerateSerializer, Immutable]
public sealed record OpenLead
{
    [Id(0)] public LeadDimensions Dimensions { get; init; } = new();
    [Id(1)] public string StageId { get; init; } = "";
    [Id(2)] public DateTimeOffset EnteredAt { get; init; }
    [Id(3)] public decimal Value { get; init; }
    [Id(4)] public double Probability { get; init; }

    /// <summary>Open value × stage probability.</summary>
    public decimal Weighted => Value * (decimal)Probability;
}
