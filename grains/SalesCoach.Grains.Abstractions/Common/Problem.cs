namespace SalesCoach.Common;

/// <summary>One thing wrong with a request: where (a JSON path such as <c>stages[2].goal</c>) and what.</summary>
[GenerateSerializer, Immutable]
public sealed record Problem([property: Id(0)] string Path, [property: Id(1)] string Message);
