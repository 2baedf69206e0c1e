using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Routing;

/// <summary>Runs one activity through the route table and returns the invoke response, if any.</summary>
public sealed partial class BotProcessor
{
    private readonly BotRouteTable routes = new();
    private readonly ActivitySenders senders;
    private readonly IServiceProvider services;
    private readonly ILogger<BotProcessor> logger;

    public BotProcessor(IEnumerable<IBotRoutes> registrations, ActivitySenders senders, IServiceProvider services, ILogger<BotProcessor> logger)
    {
        foreach (var registration in registrations)
        {
            registration.Register(routes);
        }

        this.senders = senders;
        this.services = services;
        this.logger = logger;
    }

    public BotRouteTable Routes => routes;

    public async Task<(InvokeResponse? Invoke, TurnContext Turn)> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(activity, senders, services);
        var route = routes.Find(activity);
        if (route is null)
        {
            LogUnrouted(activity.Type, activity.Name);
        }
        else
        {
            LogRoute(route.Name, activity.Id);
            await route.Handler(turn, cancellationToken);
        }

        // An invoke no route answered still gets a 200: Teams shows an error for anything else.
        var invoke = activity.Type == ActivityTypes.Invoke ? turn.InvokeResponse ?? new InvokeResponse(200, null) : null;
        return (invoke, turn);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Activity {ActivityId} handled by route {Route}")]
    private partial void LogRoute(string route, string? activityId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No route for a {Type} activity (name {Name})")]
    private partial void LogUnrouted(string? type, string? name);
}
