using SalesCoach.Analytics;
using SalesCoach.Pipelines;

namespace SalesCoach.Leads;

/// <summary>The analytics events of one command: the difference between the lead before and after it.</summary>
public static class LeadEvents
{
    public static List<LeadEvent> Diff(LeadSnapshot before, LeadState lead, PipelineDefinition pipeline, DateTimeOffset now, bool created)
    {
        var events = new List<LeadEvent>();
        if (created)
        {
            events.Add(new LeadEvent { Kind = LeadEventKind.Created, At = lead.CreatedAt });
        }

        var first = before.LastVisitOpen ? before.Visits - 1 : before.Visits;
        for (var i = Math.Max(0, first); i < lead.History.Count; i++)
        {
            var visit = lead.History[i];
            if (i >= before.Visits)
            {
                events.Add(new LeadEvent { Kind = LeadEventKind.StageEntered, At = visit.EnteredAt, StageId = visit.StageId });
            }

            if (visit.ExitedAt is { } exitedAt && visit.Exit is { } how)
            {
                var forward = how is StageExit.Goal or StageExit.Won
                    || (how == StageExit.Manual && i + 1 < lead.History.Count
                        && IndexOf(pipeline, lead.History[i + 1].StageId) > IndexOf(pipeline, visit.StageId));
                events.Add(new LeadEvent
                {
                    Kind = LeadEventKind.StageExited,
                    At = exitedAt,
                    StageId = visit.StageId,
                    Exit = how,
                    Forward = forward,
                    Days = (exitedAt - visit.EnteredAt).TotalDays,
                });
            }
        }

        for (var j = 0; j < lead.Tasks.Count; j++)
        {
            var task = lead.Tasks[j];
            var was = j < before.Tasks.Count ? before.Tasks[j] : LeadTaskStatus.Open;
            if (task.Status == was)
            {
                continue;
            }

            events.Add(task.Status switch
            {
                LeadTaskStatus.Done => new LeadEvent { Kind = LeadEventKind.TaskDone, At = task.DoneAt ?? now, StageId = task.StageId, OnTime = (task.DoneAt ?? now) <= task.DueAt },
                _ => new LeadEvent { Kind = LeadEventKind.TaskSkipped, At = now, StageId = task.StageId, OnTime = now <= task.DueAt },
            });
        }

        for (var k = before.Activities; k < lead.Activities.Count; k++)
        {
            events.Add(new LeadEvent { Kind = LeadEventKind.Activity, At = now, StageId = lead.Activities[k].StageId });
        }

        if (before.Status == LeadStatus.Open && lead.Status != LeadStatus.Open && lead.Outcome is { } outcome)
        {
            var ask = lead.History.FirstOrDefault(v => pipeline.Stages.Find(s => s.Id == v.StageId)?.Ask == true);
            events.Add(new LeadEvent
            {
                Kind = lead.Status == LeadStatus.Won ? LeadEventKind.Won : LeadEventKind.Lost,
                At = outcome.At,
                StageId = lead.History[^1].StageId,
                Amount = lead.Status == LeadStatus.Won ? outcome.Amount ?? 0 : null,
                CycleDays = (outcome.At - lead.CreatedAt).TotalDays,
                AskDays = ask is null ? null : (outcome.At - ask.EnteredAt).TotalDays,
                PassedStages = [.. lead.History.Select(v => v.StageId).Distinct(StringComparer.Ordinal)],
            });
        }

        return events;
    }

    /// <summary>Where the lead stands for the forecast and the stuck count; null once closed.</summary>
    public static OpenLead? OpenOf(LeadState lead, PipelineDefinition pipeline, LeadDimensions dimensions) =>
        lead.Status != LeadStatus.Open || lead.History.Count == 0
            ? null
            : new OpenLead
            {
                Dimensions = dimensions,
                StageId = lead.History[^1].StageId,
                EnteredAt = lead.History[^1].EnteredAt,
                Value = lead.Facts.Value ?? 0,
                Probability = pipeline.Stages.Find(s => s.Id == lead.History[^1].StageId)?.Probability ?? 0,
            };

    private static int IndexOf(PipelineDefinition pipeline, string stageId) => pipeline.Stages.FindIndex(s => s.Id == stageId);
}
