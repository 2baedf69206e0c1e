using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>
/// Test data: a pipeline as a manager would write it, built in code and sent as JSON. Its criteria
/// take only leads whose product is the pipeline's id, so tests never route each other's leads.
/// </summary>
public sealed class PipelineBuilder(string id)
{
    private readonly List<object> _stages = [];
    private readonly List<object> _assignment = [];
    private object? _criteria = new { products = new[] { id } };
    private string _name = $"Pipeline {id}";

    public string Id { get; } = id;

    /// <summary>A new pipeline with an id no other test uses.</summary>
    public static PipelineBuilder New() => new(UniqueId.New("pipe"));

    public PipelineBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public PipelineBuilder Criteria(object? criteria)
    {
        _criteria = criteria;
        return this;
    }

    /// <summary>A stage; a null goal means the default (all tasks done, or a manual confirm when there are none).</summary>
    public PipelineBuilder Stage(string stageId, object? goal, params object[] tasks)
    {
        _stages.Add(new { id = stageId, name = $"Stage {stageId}", guidance = $"How to do {stageId}", probability = 0.5, goal, tasks });
        return this;
    }

    public PipelineBuilder Assign(object rule)
    {
        _assignment.Add(rule);
        return this;
    }

    public static object Task(string taskId, string dueAfter = "P1D", string? assignee = null) =>
        new { id = taskId, title = $"Do {taskId}", dueAfter, assignee };

    public static object TaskDone(string taskId) => new { taskCompleted = taskId };

    public static object FieldSet(string field) => new { fieldSet = field };

    public static object Manual() => new { manual = true };

    public static object Activity(string type, string? direction = null, string? tag = null) =>
        new { activity = new { type, direction, tag } };

    public static object Any(params object[] goals) => new { any = goals };

    /// <summary>qualify (task call done; tasks call P1D, research PT4H) → meet (a meeting; task book P2D) → propose (proposal email or manual) → close (task contract P5D).</summary>
    public static PipelineBuilder Sales() => New()
        .Stage("qualify", TaskDone("call"), Task("call", "P1D"), Task("research", "PT4H"))
        .Stage("meet", Activity("meeting"), Task("book", "P2D"))
        .Stage("propose", Any(Activity("email", "out", "proposal"), Manual()))
        .Stage("close", null, Task("contract", "P5D"));

    public JsonObject Build() => JsonSerializer.SerializeToNode(
        new { id = Id, name = _name, criteria = _criteria, stages = _stages, assignment = _assignment }, ApiJson.Options)!.AsObject();

    /// <summary>A lead body for this pipeline (its product routes it here too).</summary>
    public object Lead(string leadId, string? ownerId = "ana", decimal? value = null, string[]? emails = null) =>
        new { id = leadId, name = $"Lead {leadId}", company = "Acme Oy", emails = emails ?? [], value, product = Id, pipelineId = Id, ownerId };
}
