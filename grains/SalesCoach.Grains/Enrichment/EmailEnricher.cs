using System.Globalization;

namespace SalesCoach.Enrichment;

/// <summary>
/// <see cref="IEnricher"/> from the address alone: the domain, free-mail providers recognised (and
/// never taken for companies), and a company name guessed from the domain's registrable label
/// (<c>cto@mail.acme-industries.co.uk</c> → "Acme Industries").
/// </summary>
public sealed class EmailEnricher : IEnricher
{
    /// <summary>Providers recognised under any country suffix (gmail.com, hotmail.fr, yahoo.co.uk…).</summary>
    private static readonly HashSet<string> FreeMailLabels = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "outlook", "hotmail", "live", "msn", "yahoo", "ymail", "rocketmail", "icloud",
        "aol", "proton", "protonmail", "gmx", "yandex", "zoho", "mailbox", "tutanota", "tuta", "fastmail", "hey",
    };

    /// <summary>Providers recognised by their full domain (their label alone is too common a word).</summary>
    private static readonly HashSet<string> FreeMailDomains = new(StringComparer.Ordinal)
    {
        "me.com", "mac.com", "pm.me", "web.de", "t-online.de", "freenet.de", "mail.com", "email.com", "mail.ru", "inbox.ru",
        "bk.ru", "list.ru", "qq.com", "163.com", "126.com", "seznam.cz", "wp.pl", "o2.pl", "onet.pl", "libero.it", "orange.fr",
        "laposte.net", "free.fr", "sfr.fr", "bluewin.ch", "telenet.be", "skynet.be", "comcast.net", "verizon.net", "att.net",
    };

    /// <summary>Second-level suffixes under which the company's label is one further left (acme.co.uk).</summary>
    private static readonly HashSet<string> SecondLevel = new(StringComparer.Ordinal)
    {
        "co", "com", "net", "org", "ac", "gov", "edu", "ltd", "plc", "or", "ne", "gv",
    };

    public EmailEnrichment Enrich(string email)
    {
        var at = email.LastIndexOf('@');
        var domain = at >= 0 ? email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant() : "";
        if (domain.Length == 0 || !domain.Contains('.', StringComparison.Ordinal))
        {
            return new EmailEnrichment(null, false, null);
        }

        var labels = domain.Split('.');
        var index = labels.Length - 2;
        if (labels.Length >= 3 && labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]))
        {
            index--; // acme.co.uk, acme.com.au: the company's label is left of the two-part suffix
        }

        var label = labels[index];
        var registrable = string.Join('.', labels[index..]);
        var free = FreeMailLabels.Contains(label) || FreeMailDomains.Contains(registrable);
        return new EmailEnrichment(domain, free, free ? null : CompanyName(label));
    }

    /// <summary>"acme-industries" → "Acme Industries".</summary>
    private static string CompanyName(string label)
    {
        var words = label.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
    }
}
