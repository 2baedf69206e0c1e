using SalesCoach.Common;
using SalesCoach.Pipelines;

namespace SalesCoach.Bot.Api;

/// <summary><c>/api/pipelines</c>: save (JSON or YAML) and read versioned pipeline definitions.</summary>
public static class PipelinesApi
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    public static RouteGroupBuilder MapPipelinesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pipelines").WithTags("Pipelines");
        group.MapPut("/{id}", SaveAsync)
            .Accepts<PipelineDefinition>("application/json", "application/yaml")
            .Produces<PipelineSaved>().Produces<ErrorResponse>(400).Produces<ErrorResponse>(403);
        group.MapGet("/{id}", GetAsync).Produces<PipelineDefinition>().Produces<ErrorResponse>(404);
        group.MapGet("/", ListAsync).Produces<IReadOnlyList<PipelineSummary>>();
        return api;
    }

    private static async Task<IResult> SaveAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        if (!caller.IsAdmin)
        {
            return ErrorResponse.Result(StatusCodes.Status403Forbidden, "only an administrator may change a pipeline");
        }

        var (text, error) = await RequestBody.ReadTextAsync(request, RequestBody.PipelineLimit);
        if (error is not null)
        {
            return error;
        }

        var isYaml = request.ContentType is { } type && YamlTypes.Any(y => type.StartsWith(y, StringComparison.OrdinalIgnoreCase));
        var (pipeline, problems) = isYaml ? PipelineReader.ReadYaml(text!) : PipelineReader.ReadJson(text!);
        if (pipeline is null)
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, problems);
        }

        var outcome = await grains.GetGrain<IPipelineGrain>(id).SaveAsync(pipeline, caller.Actor);
        return outcome.ToHttp();
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<IPipelineGrain>(id).GetAsync() is { } pipeline
            ? Results.Json(pipeline, SalesCoachJson.Options)
            : ErrorResponse.Result(StatusCodes.Status404NotFound, $"no pipeline '{id}'");

    private static async Task<IResult> ListAsync(IGrainFactory grains)
    {
        var pipelines = await grains.GetGrain<IPipelineRegistryGrain>(IPipelineRegistryGrain.DefaultKey).ListAsync();
        return Results.Json(pipelines.Select(p => new { p.Id, p.Name, p.Version }));
    }
}
