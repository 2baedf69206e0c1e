using System.Net.Mail;
using SalesCoach.Access;
using SalesCoach.Bot.Api.Requests;
using SalesCoach.Common;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Bot.Api;

/// <summary><c>/api/reps</c>: profiles (admins, or the team's manager for its members) and each rep's agenda.</summary>
public static class RepsApi
{
    private static readonly string[] KnownRoles = ["rep", "manager", "admin"];

    public static RouteGroupBuilder MapRepsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reps").WithTags("Reps");
        group.MapPut("/{id}", SaveAsync).Accepts<RepRequest>("application/json")
            .Produces<RepProfile>().Produces<ErrorResponse>(400).Produces<ErrorResponse>(403);
        group.MapGet("/{id}", GetAsync).Produces<RepProfile>().Produces<ErrorResponse>(404);
        group.MapGet("/", ListAsync).Produces<IReadOnlyList<RepProfile>>();
        group.MapGet("/{id}/agenda", AgendaAsync).Produces<AgendaView>().Produces<ErrorResponse>(403);
        return api;
    }

    private static async Task<IResult> SaveAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (body, error) = await RequestBody.ReadJsonAsync<RepRequest>(request);
        if (error is not null)
        {
            return error;
        }

        var problems = Validate(id, body!);
        if (problems.Count > 0)
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, problems);
        }

        var rep = grains.GetGrain<IRepGrain>(id);
        var existing = await rep.GetProfileAsync();
        if (!caller.IsAdmin)
        {
            var managesNewTeam = body!.TeamId is { } teamId && await grains.GetGrain<ITeamGrain>(teamId).GetAsync() is { } team
                && team.ManagerId == caller.Id;
            var managesRep = existing is not null && await AccessRules.IsManagerOfAsync(grains, caller.Id, id);
            if (!(managesNewTeam && (existing is null || managesRep)) || (body.Roles?.Contains("admin") ?? false))
            {
                return ErrorResponse.Result(StatusCodes.Status403Forbidden,
                    "only an administrator, or the manager of the rep's team, may change a rep (and only an administrator may grant admin)");
            }
        }

        var saved = await rep.SaveProfileAsync(new RepProfile
        {
            Id = id,
            Name = body!.Name!.Trim(),
            Email = body.Email!.Trim(),
            TeamId = body.TeamId,
            ManagerId = body.ManagerId,
            Territory = body.Territory,
            Products = body.Products ?? [],
            Tier = body.Tier,
            Quota = body.Quota,
            Roles = body.Roles ?? ["rep"],
            Away = body.Away ?? false,
        });
        return Results.Json(saved);
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<IRepGrain>(id).GetProfileAsync() is { } profile
            ? Results.Json(profile)
            : ErrorResponse.Result(StatusCodes.Status404NotFound, $"no rep '{id}'");

    private static async Task<IResult> ListAsync(IGrainFactory grains) =>
        Results.Json(await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).ListAsync());

    private static async Task<IResult> AgendaAsync(string id, Caller caller, IGrainFactory grains)
    {
        if (caller.Id != id && !caller.IsAdmin && !await AccessRules.IsManagerOfAsync(grains, caller.Id, id))
        {
            return ErrorResponse.Result(StatusCodes.Status403Forbidden, "only the rep, their manager or an administrator may see this agenda");
        }

        return Results.Json(await grains.GetGrain<IRepGrain>(id).GetAgendaAsync());
    }

    private static List<Problem> Validate(string id, RepRequest body)
    {
        var problems = new List<Problem>();
        if (!Ids.IsValid(id))
        {
            problems.Add(new Problem("id", $"'{id}' is not a valid id: {Ids.Rule}"));
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            problems.Add(new Problem("name", "is required"));
        }

        if (string.IsNullOrWhiteSpace(body.Email) || !MailAddress.TryCreate(body.Email.Trim(), out _))
        {
            problems.Add(new Problem("email", "is required and must be an email address"));
        }

        if (body.Tier is < 0)
        {
            problems.Add(new Problem("tier", "cannot be negative"));
        }

        if (body.Quota is < 0)
        {
            problems.Add(new Problem("quota", "cannot be negative"));
        }

        foreach (var (role, i) in (body.Roles ?? []).Select((r, i) => (r, i)))
        {
            if (!KnownRoles.Contains(role))
            {
                problems.Add(new Problem($"roles[{i}]", $"'{role}' is not one of {string.Join(", ", KnownRoles)}"));
            }
        }

        return problems;
    }
}
