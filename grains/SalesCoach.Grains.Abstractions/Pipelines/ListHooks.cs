namespace SalesCoach.Pipelines;

/// <summary>Email lists the lead's contacts join or leave when the lead enters the stage.</summary>
[GenerateSerializer, Immutable]
public sealed record ListHooks
{
    [Id(0)] public List<string> Subscribe { get; init; } = [];
    [Id(1)] public List<string> Unsubscribe { get; init; } = [];
}
