using SalesCoach.Bot.Integrations.Graph;

namespace SalesCoach.Bot.Api;

/// <summary><c>/api/directory</c>: sync reps, managers and teams from Microsoft Graph on demand (admin).</summary>
public static class DirectoryApi
{
    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder api)
    {
        api.MapPost("/directory/sync", SyncAsync).WithTags("Directory")
            .Produces<DirectorySynchronizer.Result>().Produces<ErrorResponse>(403).Produces<ErrorResponse>(409);
        return api;
    }

    private static async Task<IResult> SyncAsync(Caller caller, DirectorySynchronizer synchronizer, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return ErrorResponse.Result(StatusCodes.Status403Forbidden, "only an administrator may sync the directory");
        }

        var result = await synchronizer.SyncAsync(cancellationToken);
        return result.Configured
            ? Results.Json(result)
            : ErrorResponse.Result(StatusCodes.Status409Conflict, "graph: not configured (Graph:TenantId, Graph:ClientId and a secret or certificate)");
    }
}
