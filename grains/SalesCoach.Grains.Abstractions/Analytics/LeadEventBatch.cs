namespace SalesCoach.Analytics;

/// <summary>
/// The analytics events of one lead command. <see cref="Seq"/> counts 1, 2, 3… per lead, so the
/// funnel applies each batch once and in order (event id = lead id + sequence).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LeadEventBatch
{
    [Id(0)] public string LeadId { get; init; } = "";
    [Id(1)] public long Seq { get; init; }
    [Id(2)] public DateTimeOffset At { get; init; }
    [Id(3)] public LeadDimensions Dimensions { get; init; } = new();
    [Id(4)] public IReadOnlyList<LeadEvent> Events { get; init; } = [];
    /// <summary>Where the lead stands after the command; null once it is closed.</summary>
    [Id(5)] public OpenLead? Open { get; init; }
}
