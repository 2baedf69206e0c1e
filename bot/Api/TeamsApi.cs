using SalesCoach.Bot.Api.Requests;
using SalesCoach.Common;
using SalesCoach.Teams;

namespace SalesCoach.Bot.Api;

/// <summary><c>/api/teams</c>: a team's manager and members (admins, or the team's current manager).</summary>
public static class TeamsApi
{
    public static RouteGroupBuilder MapTeamsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/teams").WithTags("Teams");
        group.MapPut("/{id}", SaveAsync).Accepts<TeamRequest>("application/json")
            .Produces<TeamProfile>().Produces<ErrorResponse>(400).Produces<ErrorResponse>(403);
        group.MapGet("/{id}", GetAsync).Produces<TeamProfile>().Produces<ErrorResponse>(404);
        return api;
    }

    private static async Task<IResult> SaveAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (body, error) = await RequestBody.ReadJsonAsync<TeamRequest>(request);
        if (error is not null)
        {
            return error;
        }

        var problems = new List<Problem>();
        if (!Ids.IsValid(id))
        {
            problems.Add(new Problem("id", $"'{id}' is not a valid id: {Ids.Rule}"));
        }

        if (string.IsNullOrWhiteSpace(body!.Name))
        {
            problems.Add(new Problem("name", "is required"));
        }

        if (!Ids.IsValid(body.ManagerId))
        {
            problems.Add(new Problem("managerId", $"is required: {Ids.Rule}"));
        }

        foreach (var (member, i) in (body.Members ?? []).Select((m, i) => (m, i)))
        {
            if (!Ids.IsValid(member))
            {
                problems.Add(new Problem($"members[{i}]", $"'{member}' is not a valid rep id: {Ids.Rule}"));
            }
        }

        if (body.Quota is < 0)
        {
            problems.Add(new Problem("quota", "cannot be negative"));
        }

        if (problems.Count > 0)
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, problems);
        }

        var team = grains.GetGrain<ITeamGrain>(id);
        var existing = await team.GetAsync();
        var isManager = existing?.ManagerId == caller.Id && body.ManagerId == caller.Id;
        if (!caller.IsAdmin && !isManager)
        {
            return ErrorResponse.Result(StatusCodes.Status403Forbidden, "only an administrator or the team's manager may change a team");
        }

        var saved = await team.SaveAsync(new TeamProfile
        {
            Id = id,
            Name = body.Name!.Trim(),
            ManagerId = body.ManagerId!,
            Members = body.Members ?? [],
            Quota = body.Quota,
        });
        return Results.Json(saved);
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<ITeamGrain>(id).GetAsync() is { } team
            ? Results.Json(team)
            : ErrorResponse.Result(StatusCodes.Status404NotFound, $"no team '{id}'");
}
