using SalesCoach.Bot.Api.Requests;
using SalesCoach.Common;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Api;

/// <summary><c>POST /api/kudos</c>: a manager (or an administrator) thanks a rep; the rep gets a kudos card.</summary>
public static class KudosApi
{
    public static RouteGroupBuilder MapKudosApi(this RouteGroupBuilder api)
    {
        api.MapPost("/kudos", SendAsync).WithTags("Kudos").Accepts<KudosRequest>("application/json")
            .Produces<Notification>(201).Produces<ErrorResponse>(400).Produces<ErrorResponse>(403).Produces<ErrorResponse>(404);
        return api;
    }

    private static async Task<IResult> SendAsync(HttpRequest request, Caller caller, IGrainFactory grains, SalesClock clock)
    {
        var (body, error) = await RequestBody.ReadJsonAsync<KudosRequest>(request);
        if (error is not null)
        {
            return error;
        }

        var problems = Kudos.Validate(body!.To, body.Message);
        if (body.To is { Length: > 0 } to && !Ids.IsValid(to))
        {
            problems.Insert(0, new Problem("to", $"'{to}' is not a valid id: {Ids.Rule}"));
        }

        if (problems.Count > 0)
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, problems);
        }

        var outcome = await Kudos.GiveAsync(grains, caller.Actor, body.To, body.Message, body.OperationId, clock.Now);
        return outcome.ToHttp();
    }
}
