using SalesCoach.Pipelines;

namespace SalesCoach.Leads;

/// <summary>Maps a lead's state to what the API shows.</summary>
public static class LeadViews
{
    public static LeadView ToView(string id, LeadState lead, PipelineDefinition pipeline)
    {
        var stage = pipeline.Stages[lead.StageIndex];
        var visit = lead.History[^1];
        return new LeadView
        {
            Id = id,
            Name = lead.Facts.Name,
            Company = lead.Facts.Company,
            Emails = lead.Facts.Emails,
            Value = lead.Facts.Value,
            Currency = lead.Facts.Currency,
            Product = lead.Facts.Product,
            Territory = lead.Facts.Territory,
            Source = lead.Facts.Source,
            OwnerId = lead.OwnerId,
            PipelineId = lead.PipelineId,
            PipelineVersion = lead.PipelineVersion,
            Status = lead.Status,
            Stage = new StageView(stage.Id, stage.Name, stage.Guidance, visit.EnteredAt),
            Tasks = [.. lead.Tasks.Select(ToView)],
            History = [.. lead.History.Select(v => new StageVisitView(v.StageId, v.EnteredAt, v.ExitedAt, v.Exit))],
            Activities = [.. lead.Activities],
            Outcome = lead.Outcome,
            CreatedAt = lead.CreatedAt,
        };
    }

    public static TaskView ToView(TaskInstance task) => new()
    {
        Id = task.Id,
        StageId = task.StageId,
        Title = task.Title,
        Description = task.Description,
        Status = task.Status,
        DueAt = task.DueAt,
        AssigneeId = task.AssigneeId,
        DoneBy = task.DoneBy,
        DoneAt = task.DoneAt,
    };
}
