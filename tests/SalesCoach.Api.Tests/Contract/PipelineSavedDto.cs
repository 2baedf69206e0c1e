namespace SalesCoach.Api.Tests.Contract;

/// <summary>The answer to <c>PUT /api/pipelines/{id}</c>.</summary>
public sealed record PipelineSavedDto(string Id, int Version);
