namespace SalesCoach.Storage.Tests.Conformance;

/// <summary>A small grain state for the provider conformance tests.</summary>
[GenerateSerializer]
public sealed record TestState
{
    [Id(0)]
    public string Name { get; init; } = string.Empty;

    [Id(1)]
    public int Count { get; init; }
}
