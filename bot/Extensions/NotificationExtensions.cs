using SalesCoach.Bot.Hosting;
using SalesCoach.Bot.Notifications;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Extensions;

/// <summary>Optional notifiers chosen by configuration; with none configured the silo's default (the log) stays.</summary>
public static class NotificationExtensions
{
    /// <summary>Sends notifications to <c>Notifications:Webhook:Url</c> when it is set.</summary>
    public static IHostApplicationBuilder AddWebhookNotifier(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(NotificationSettings.Section).Get<NotificationSettings>() ?? new();
        if (settings.Webhook.Url is { } url)
        {
            builder.Services.AddHttpClient(WebhookNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
            builder.Services.AddSingleton<INotifier>(services => ActivatorUtilities.CreateInstance<WebhookNotifier>(services, url));
        }

        return builder;
    }
}
