namespace SalesCoach.Pipelines;

/// <summary>A milestone worth praising and the message to send (<c>{lead}</c>, <c>{rep}</c> are filled in).</summary>
[GenerateSerializer, Immutable]
public sealed record PraiseRule
{
    [Id(0)] public PraiseCondition When { get; init; } = new();
    [Id(1)] public string? Message { get; init; }
}
