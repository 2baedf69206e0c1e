using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SalesCoach.Bot.Api;
using SalesCoach.Bot.BotFramework.Auth;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;
using SalesCoach.Bot.Hosting;

namespace SalesCoach.Bot.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: where Teams (through the Bot Connector) delivers activities. The
/// bearer token is validated (issuer, audience = the bot's app id, signing keys from the OpenID
/// metadata) and its <c>serviceurl</c> claim must match the activity. Only in
/// <c>Auth:Mode Development</c>, and only from loopback, may a request come without a token.
/// </summary>
public static class BotMessagesEndpoint
{
    public const int BodyLimit = 256 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).WithTags("Bot").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, BotProcessor bot, IOptions<AuthSettings> auth)
    {
        var hasToken = context.Request.Headers.Authorization.Count > 0;
        var remote = context.Connection.RemoteIpAddress;
        var trustedLocal = auth.Value.IsDevelopment && !hasToken && (remote is null || IPAddress.IsLoopback(remote));
        AuthenticateResult? authentication = null;
        if (!trustedLocal)
        {
            authentication = await context.AuthenticateAsync(BotAuthentication.Scheme);
            if (!authentication.Succeeded)
            {
                return ErrorResponse.Result(StatusCodes.Status401Unauthorized,
                    authentication.Failure?.Message ?? "a Bot Framework bearer token is required");
            }
        }

        var (activity, error) = await ActivityBody.ReadAsync(context.Request, BodyLimit);
        if (error is not null)
        {
            return error;
        }

        if (activity?.Type is null || activity.Conversation?.Id is null || activity.From?.Id is null)
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, "an activity needs type, from.id and conversation.id");
        }

        var serviceUrlClaim = authentication?.Principal?.FindFirst(BotAuthentication.ServiceUrlClaim)?.Value;
        if (serviceUrlClaim is not null && !SameServiceUrl(serviceUrlClaim, activity.ServiceUrl))
        {
            return ErrorResponse.Result(StatusCodes.Status401Unauthorized, "the activity's serviceUrl differs from the token's");
        }

        var (invoke, _) = await bot.ProcessAsync(activity, context.RequestAborted);
        return invoke is null
            ? Results.Ok()
            : Results.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status);
    }

    private static bool SameServiceUrl(string claim, string? serviceUrl) =>
        serviceUrl is not null && string.Equals(claim.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
