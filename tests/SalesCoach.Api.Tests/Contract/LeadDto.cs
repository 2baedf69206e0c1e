namespace SalesCoach.Api.Tests.Contract;

/// <summary>A lead as API.md "Leads" shows it; read with exact camelCase names, enums as their wire strings.</summary>
public sealed record LeadDto(
    string Id,
    string Name,
    string? Company,
    IReadOnlyList<string> Emails,
    decimal? Value,
    string? Currency,
    string? Product,
    string? Territory,
    string? Source,
    string OwnerId,
    string PipelineId,
    int PipelineVersion,
    string Status,
    StageDto Stage,
    IReadOnlyList<TaskDto> Tasks,
    IReadOnlyList<StageVisitDto> History,
    IReadOnlyList<ActivityDto> Activities,
    OutcomeDto? Outcome)
{
    /// <summary>The newest instance of a task.</summary>
    public TaskDto Task(string taskId) => Tasks.Last(t => t.Id == taskId);
}
