using SalesCoach.Bot.Auth;

namespace SalesCoach.Bot.Api;

/// <summary>
/// For <c>/api</c> requests: answers 401 when no caller is authenticated, otherwise resolves the
/// caller once (runs before endpoint parameter binding, so handlers can take <see cref="Caller"/>).
/// </summary>
public sealed class CallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CallerResolver resolver)
    {
        var actor = await resolver.ResolveAsync(context);
        if (actor is null)
        {
            await ErrorResponse.Result(StatusCodes.Status401Unauthorized,
                    $"no caller: send a bearer token (or, in Development mode from loopback, the {DevelopmentAuthenticationHandler.UserHeader} header)")
                .ExecuteAsync(context);
            return;
        }

        Caller.Set(context, new Caller(actor));
        await next(context);
    }
}
