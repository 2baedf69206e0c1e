using SalesCoach.Lists;
using SalesCoach.Bot.Api.Requests;
using SalesCoach.Common;
using SalesCoach.Leads;

namespace SalesCoach.Bot.Api;

/// <summary><c>/api/leads</c>: create leads and run every stage command on them (API.md "Leads").</summary>
public static class LeadsApi
{
    public static RouteGroupBuilder MapLeadsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/leads").WithTags("Leads");
        group.MapPost("/", CreateAsync).Accepts<LeadRequest>("application/json")
            .Produces<LeadView>(201).Produces<LeadView>().Produces<ErrorResponse>(400).Produces<ErrorResponse>(409);
        group.MapGet("/", FindByEmailAsync).Produces<IReadOnlyList<LeadView>>();
        group.MapGet("/{id}", GetAsync).Produces<LeadView>().Produces<ErrorResponse>(404);
        group.MapPatch("/{id}", PatchAsync).Accepts<LeadFactsPatch>("application/json").Produces<LeadView>();
        group.MapPost("/{id}/tasks/{taskId}/complete", CompleteTaskAsync).Accepts<OperationRequest>("application/json").Produces<LeadView>();
        group.MapPost("/{id}/activities", LogActivityAsync).Accepts<ActivityRequest>("application/json").Produces<LeadView>()
            .Produces<ErrorResponse>(403).Produces<ErrorResponse>(404).Produces<ErrorResponse>(503);
        group.MapPost("/{id}/advance", AdvanceAsync).Accepts<AdvanceRequest>("application/json").Produces<LeadView>();
        group.MapPost("/{id}/won", WonAsync).Accepts<WonRequest>("application/json").Produces<LeadView>();
        group.MapGet("/{id}/email-lists", EmailListsAsync).Produces<EmailListOutboxView>().Produces<ErrorResponse>(404);
        group.MapPost("/{id}/lost", LostAsync).Accepts<LostRequest>("application/json").Produces<LeadView>();
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (body, error) = await RequestBody.ReadJsonAsync<LeadRequest>(request);
        if (error is not null)
        {
            return error;
        }

        if (body!.Id is { } given && !Ids.IsValid(given))
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, [new Problem("id", $"'{given}' is not a valid id: {Ids.Rule}")]);
        }

        var id = body.Id ?? Guid.NewGuid().ToString("N")[..16];
        var outcome = await grains.GetGrain<ILeadGrain>(id).CreateAsync(body.ToCommand(), caller.Actor);
        return outcome.ToHttp(lead => $"/api/leads/{lead.Id}");
    }

    private static async Task<IResult> GetAsync(string id, Caller caller, IGrainFactory grains) =>
        (await grains.GetGrain<ILeadGrain>(id).GetAsync(caller.Actor)).ToHttp();

    /// <summary>The lead's email-list operations: waiting, failed for good (a bad address) and sent; visible to whoever may see the lead.</summary>
    private static async Task<IResult> EmailListsAsync(string id, Caller caller, IGrainFactory grains)
    {
        var lead = await grains.GetGrain<ILeadGrain>(id).GetAsync(caller.Actor);
        return lead.Succeeded
            ? Results.Json(await grains.GetGrain<IEmailListOutboxGrain>(id).GetAsync())
            : lead.ToHttp();
    }

    private static async Task<IResult> FindByEmailAsync(string? email, Caller caller, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, [new Problem("email", "is required, e.g. /api/leads?email=cto@acme.example")]);
        }

        var ids = await grains.GetGrain<ILeadEmailIndexGrain>(email.Trim().ToLowerInvariant()).ListAsync();
        var found = await Task.WhenAll(ids.Select(id => grains.GetGrain<ILeadGrain>(id).GetAsync(caller.Actor)));
        return Results.Json(found.Where(o => o.Succeeded).Select(o => o.Value));
    }

    private static async Task<IResult> PatchAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (patch, error) = await RequestBody.ReadJsonAsync<LeadFactsPatch>(request);
        return error ?? (await grains.GetGrain<ILeadGrain>(id).UpdateFactsAsync(patch!, caller.Actor)).ToHttp();
    }

    private static async Task<IResult> CompleteTaskAsync(string id, string taskId, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (body, error) = await RequestBody.ReadJsonAsync(request, whenEmpty: new OperationRequest());
        return error ?? (await grains.GetGrain<ILeadGrain>(id).CompleteTaskAsync(taskId, body!.OperationId, caller.Actor)).ToHttp();
    }

    /// <summary>Logs an activity; an email that names its mailbox message is logged from the server's copy (<see cref="EmailServerCopy"/>).</summary>
    private static async Task<IResult> LogActivityAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains, EmailServerCopy serverCopy)
    {
        var (body, error) = await RequestBody.ReadJsonAsync<ActivityRequest>(request);
        if (error is not null)
        {
            return error;
        }

        var (activity, refused) = await serverCopy.ResolveAsync(body!, caller, request.HttpContext.RequestAborted);
        return refused ?? (await grains.GetGrain<ILeadGrain>(id).LogActivityAsync(activity!, caller.Actor)).ToHttp();
    }

    private static async Task<IResult> AdvanceAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (body, error) = await RequestBody.ReadJsonAsync(request, whenEmpty: new AdvanceRequest());
        return error ?? (await grains.GetGrain<ILeadGrain>(id).AdvanceAsync(body!.StageId, body.OperationId, caller.Actor)).ToHttp();
    }

    private static async Task<IResult> WonAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (body, error) = await RequestBody.ReadJsonAsync<WonRequest>(request);
        if (error is not null)
        {
            return error;
        }

        return body!.Amount is not { } amount
            ? ErrorResponse.Result(StatusCodes.Status400BadRequest, [new Problem("amount", "is required")])
            : (await grains.GetGrain<ILeadGrain>(id).WinAsync(amount, body.OperationId, caller.Actor)).ToHttp();
    }

    private static async Task<IResult> LostAsync(string id, HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var (body, error) = await RequestBody.ReadJsonAsync<LostRequest>(request);
        return error ?? (await grains.GetGrain<ILeadGrain>(id).LoseAsync(body!.Reason ?? "", body.OperationId, caller.Actor)).ToHttp();
    }
}
