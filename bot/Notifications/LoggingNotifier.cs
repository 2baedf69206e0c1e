using SalesCoach.Reps;

namespace SalesCoach.Bot.Notifications;

/// <summary>The notifier of a host with no Teams connection: writes each notification to the log.</summary>
public sealed partial class LoggingNotifier(ILogger<LoggingNotifier> logger) : INotifier
{
    public Task SendAsync(Notification notification, ConversationReference? conversation, CancellationToken cancellationToken)
    {
        LogNotification(notification.RepId, notification.Kind, notification.Title, notification.Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "To {RepId}: {Kind} \"{Title}\" ({NotificationId})")]
    private partial void LogNotification(string repId, NotificationKind kind, string title, string notificationId);
}
