using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Routing;

/// <summary>A named route: which activities it takes and the handler that runs for them.</summary>
public sealed record BotRoute(string Name, Func<Activity, bool> Selector, Func<TurnContext, CancellationToken, Task> Handler);
