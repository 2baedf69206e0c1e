namespace SalesCoach.Api.Tests.Contract;

/// <summary>One entry of <c>GET /api/pipelines</c>.</summary>
public sealed record PipelineSummaryDto(string Id, string Name, int Version);
