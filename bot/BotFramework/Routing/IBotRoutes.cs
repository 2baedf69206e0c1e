namespace SalesCoach.Bot.BotFramework.Routing;

/// <summary>An application's contribution to the route table (registered in DI, applied at start-up).</summary>
public interface IBotRoutes
{
    void Register(BotRouteTable routes);
}
