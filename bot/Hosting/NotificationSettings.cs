namespace SalesCoach.Bot.Hosting;

/// <summary>Where rep notifications go besides the log (section <c>Notifications</c>).</summary>
public sealed class NotificationSettings
{
    public const string Section = "Notifications";

    public WebhookSettings Webhook { get; set; } = new();

    /// <summary>A generic webhook (section <c>Notifications:Webhook</c>).</summary>
    public sealed class WebhookSettings
    {
        /// <summary>When set, each notification is POSTed here as JSON instead of being written to the log.</summary>
        public Uri? Url { get; set; }
    }
}
