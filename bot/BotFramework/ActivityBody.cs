using System.Text.Json;
using SalesCoach.Bot.Api;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework;

/// <summary>
/// An activity read from a request body, for both doors activities come through (<c>/api/messages</c> and the
/// local chat's Direct Line): a 413 past the limit, a 400 when the body is not an activity's JSON.
/// </summary>
public static class ActivityBody
{
    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(HttpRequest request, int limit)
    {
        try
        {
            return await RequestBody.ReadAsync(request, limit, static utf8 => JsonSerializer.Deserialize<Activity>(utf8, BotJson.Options));
        }
        catch (JsonException e)
        {
            return (null, ErrorResponse.Result(StatusCodes.Status400BadRequest, $"not an activity: {e.Message}"));
        }
    }
}
