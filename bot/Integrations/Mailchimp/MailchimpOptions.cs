namespace SalesCoach.Bot.Integrations.Mailchimp;

/// <summary>Mailchimp Marketing API v3 (section <c>Mailchimp</c>); without an API key list automation does nothing.</summary>
public sealed class MailchimpOptions
{
    public const string Section = "Mailchimp";

    /// <summary>An API key such as <c>0123456789abcdef-us21</c>; the suffix after the dash is the data center.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Overrides <c>https://{dc}.api.mailchimp.com</c> (tests point it at a loopback stub).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The pipeline's list names → Mailchimp list (audience) ids, e.g. <c>Mailchimp:Lists:nurture = abc123</c>.</summary>
    public Dictionary<string, string> Lists { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The API root: the override, or the data center named by the key's suffix.</summary>
    public Uri? Root()
    {
        if (BaseUrl is not null)
        {
            return BaseUrl;
        }

        var dash = ApiKey?.LastIndexOf('-') ?? -1;
        return dash > 0 && dash < ApiKey!.Length - 1 && ApiKey[(dash + 1)..].All(char.IsAsciiLetterOrDigit)
            ? new Uri($"https://{ApiKey[(dash + 1)..]}.api.mailchimp.com")
            : null;
    }
}
