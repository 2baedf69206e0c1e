using SalesCoach.Common;

namespace SalesCoach.Bot.Api;

/// <summary>Maps a grain's <see cref="Outcome{T}"/> to one HTTP answer.</summary>
public static class OutcomeResults
{
    public static IResult ToHttp<T>(this Outcome<T> outcome, Func<T, string>? location = null) => outcome.Status switch
    {
        OutcomeStatus.Ok => Results.Json(outcome.Value),
        OutcomeStatus.Created => location is null
            ? Results.Json(outcome.Value, statusCode: StatusCodes.Status201Created)
            : Results.Created(location(outcome.Value!), outcome.Value),
        OutcomeStatus.Invalid => ErrorResponse.Result(StatusCodes.Status400BadRequest, outcome.Problems),
        OutcomeStatus.NotFound => ErrorResponse.Result(StatusCodes.Status404NotFound, outcome.Problems),
        OutcomeStatus.Forbidden => ErrorResponse.Result(StatusCodes.Status403Forbidden, outcome.Problems),
        OutcomeStatus.Conflict => ErrorResponse.Result(StatusCodes.Status409Conflict, outcome.Problems),
        _ => throw new InvalidOperationException($"unknown outcome {outcome.Status}"),
    };
}
