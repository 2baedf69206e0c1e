using SalesCoach.Common;

namespace SalesCoach.Bot.Api;

/// <summary>The authenticated caller of an API request, bound as a handler parameter.</summary>
public sealed record Caller(Actor Actor)
{
    private const string ItemKey = "SalesCoach.Caller";

    public string Id => Actor.Id;

    public bool IsAdmin => Actor.IsAdmin;

    /// <summary>Minimal-API binding: the caller put in place by <see cref="CallerMiddleware"/>.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Items[ItemKey] as Caller);

    internal static void Set(HttpContext context, Caller caller) => context.Items[ItemKey] = caller;
}
