using System.Globalization;
using SalesCoach.Access;
using SalesCoach.Analytics;
using SalesCoach.Common;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Bot.Api;

/// <summary>
/// The filters every <c>/api/metrics</c> route takes (<c>pipelineId, from, to, teamId, repId,
/// stuckDays</c>), read and checked at once (every problem listed), then authorized: an
/// administrator sees everything, a team's manager their team and its reps, a rep themselves
/// (a caller who names neither team nor rep gets their own numbers: a manager their first team's
/// by name, a rep their own).
/// </summary>
public sealed record MetricsQuery(string PipelineId, MetricsFilter Filter)
{
    private const string DateFormat = "yyyy-MM-dd";

    public static async Task<(MetricsQuery? Query, IResult? Error)> ReadAsync(HttpRequest request, Caller caller, IGrainFactory grains)
    {
        var query = request.Query;
        var problems = new List<Problem>();
        var from = Date("from");
        var to = Date("to");
        if (from is not null && to is not null && from > to)
        {
            problems.Add(new Problem("to", "must not be before from"));
        }

        var teamId = Id("teamId");
        var repId = Id("repId");
        var stuckDays = 14;
        if (query["stuckDays"].ToString() is { Length: > 0 } stuck
            && (!int.TryParse(stuck, NumberStyles.None, CultureInfo.InvariantCulture, out stuckDays) || stuckDays < 1 || stuckDays > 3650))
        {
            problems.Add(new Problem("stuckDays", $"'{stuck}' is not a whole number of days from 1 to 3650"));
        }

        var pipelineId = query["pipelineId"].ToString();
        if (pipelineId.Length == 0)
        {
            var pipelines = await grains.GetGrain<IPipelineRegistryGrain>(IPipelineRegistryGrain.DefaultKey).ListAsync();
            if (pipelines.Count == 1)
            {
                pipelineId = pipelines[0].Id;
            }
            else
            {
                problems.Add(new Problem("pipelineId", "is required when there is not exactly one pipeline"));
            }
        }
        else if (!Ids.IsValid(pipelineId) || await grains.GetGrain<IPipelineGrain>(pipelineId).GetAsync() is null)
        {
            problems.Add(new Problem("pipelineId", $"unknown pipeline '{pipelineId}'"));
        }

        if (problems.Count > 0)
        {
            return (null, ErrorResponse.Result(StatusCodes.Status400BadRequest, problems));
        }

        if (!caller.IsAdmin)
        {
            if (teamId is null && repId is null)
            {
                // A manager's own numbers are their team's, as on the chat's funnel card.
                var roster = await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).ListAsync();
                teamId = (await AccessRules.TeamsManagedByAsync(grains, roster, caller.Id, isAdmin: false)).FirstOrDefault()?.Id;
                repId = teamId is null ? caller.Id : null;
            }

            if (teamId is not null && !(await grains.GetGrain<ITeamGrain>(teamId).GetAsync() is { } team && team.ManagerId == caller.Id))
            {
                return (null, ErrorResponse.Result(StatusCodes.Status403Forbidden, $"only the manager of team '{teamId}' or an administrator may see its metrics"));
            }

            if (repId is not null && repId != caller.Id && !await AccessRules.IsManagerOfAsync(grains, caller.Id, repId))
            {
                return (null, ErrorResponse.Result(StatusCodes.Status403Forbidden, $"only '{repId}', their manager or an administrator may see their metrics"));
            }
        }

        return (new MetricsQuery(pipelineId, new MetricsFilter { From = from, To = to, TeamId = teamId, RepId = repId, StuckDays = stuckDays }), null);

        DateOnly? Date(string name)
        {
            var text = query[name].ToString();
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            problems.Add(new Problem(name, $"'{text}' is not a date ({DateFormat})"));
            return null;
        }

        string? Id(string name)
        {
            var text = query[name].ToString();
            if (text.Length == 0)
            {
                return null;
            }

            if (!Ids.IsValid(text))
            {
                problems.Add(new Problem(name, $"'{text}' is not a valid id: {Ids.Rule}"));
                return null;
            }

            return text;
        }
    }

    public IFunnelGrain Funnel(IGrainFactory grains) => grains.GetGrain<IFunnelGrain>(PipelineId);
}
