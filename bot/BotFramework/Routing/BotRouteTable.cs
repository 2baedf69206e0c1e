using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Routing;

/// <summary>
/// The bot's dispatch table: routes are tried in the order added and the first whose selector
/// takes the activity runs. Names are unique (a second route with a taken name is a bug).
/// </summary>
public sealed class BotRouteTable
{
    private readonly List<BotRoute> routes = [];

    public IReadOnlyList<BotRoute> Routes => routes;

    public BotRouteTable Add(BotRoute route)
    {
        if (routes.Exists(r => r.Name == route.Name))
        {
            throw new ArgumentException($"a route named '{route.Name}' is already registered", nameof(route));
        }

        routes.Add(route);
        return this;
    }

    public BotRouteTable Add(string name, Func<Activity, bool> selector, Func<TurnContext, CancellationToken, Task> handler) =>
        Add(new BotRoute(name, selector, handler));

    /// <summary>The route that handles the activity, or null.</summary>
    public BotRoute? Find(Activity activity) => routes.FirstOrDefault(r => r.Selector(activity));
}
