using SalesCoach.Common;

namespace SalesCoach.Bot.Api;

/// <summary>The body of every error: <c>{"errors":[{"path","message"}]}</c>, every problem at once.</summary>
public sealed record ErrorResponse(IReadOnlyList<Problem> Errors)
{
    public static IResult Result(int status, IReadOnlyList<Problem> problems) =>
        Results.Json(new ErrorResponse(problems), statusCode: status);

    public static IResult Result(int status, string message) => Result(status, [new Problem("", message)]);
}
