using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesCoach.Bot.BotFramework;
using SalesCoach.Bot.BotFramework.Auth;
using SalesCoach.Bot.BotFramework.Connector;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.LocalChat;
using SalesCoach.Bot.Teams;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Extensions;

/// <summary>The bot: the Bot Framework protocol layer, SalesCoach's Teams handlers, the Teams notifier and the local chat.</summary>
public static class BotExtensions
{
    public static IHostApplicationBuilder AddSalesCoachBot(this IHostApplicationBuilder builder)
    {
        var bot = builder.Configuration.GetSection(BotSettings.Section).Get<BotSettings>() ?? new();
        builder.Services.AddOptions<BotSettings>().BindConfiguration(BotSettings.Section);
        builder.Services.AddBotAuthentication(bot);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        builder.Services.AddTransient<RetryAfterHandler>();
        builder.Services.AddHttpClient<ConnectorClient>(http => http.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<RetryAfterHandler>();
        builder.Services.AddSingleton(services => new SendLimits(services.GetRequiredService<IOptions<BotSettings>>().Value));
        builder.Services.AddSingleton<IActivitySender, ConnectorSender>();
        builder.Services.AddSingleton<ActivitySenders>();
        builder.Services.AddSingleton<BotProcessor>();
        builder.Services.AddSingleton<InstallHandler>();
        builder.Services.AddSingleton<CommandHandler>();
        builder.Services.AddSingleton<CardActionHandler>();
        builder.Services.AddSingleton<IBotRoutes, SalesCoachRoutes>();
        builder.Services.TryAddSingleton<INotifier, ChannelNotifier>();
        if (LocalChatExtensions.IsEnabled(builder.Configuration))
        {
            builder.AddLocalChat();
        }

        return builder;
    }

    public static WebApplication MapSalesCoachBot(this WebApplication app)
    {
        app.MapBotMessages();
        if (LocalChatExtensions.IsEnabled(app.Configuration))
        {
            app.MapLocalChat();
        }

        return app;
    }
}
