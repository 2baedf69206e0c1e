using System.Net.Mail;
using SalesCoach.Common;

namespace SalesCoach.Leads;

/// <summary>Checks lead facts and activities before anything is recorded, listing every problem.</summary>
public static class LeadInputValidator
{
    public static List<Problem> ValidateFacts(LeadFacts facts)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(facts.Name))
        {
            problems.Add(new Problem("name", "is required"));
        }

        ValidateCommon(facts.Emails, facts.Value, facts.Currency, problems);
        return problems;
    }

    public static List<Problem> ValidatePatch(LeadFactsPatch patch)
    {
        var problems = new List<Problem>();
        if (patch.Name is not null && string.IsNullOrWhiteSpace(patch.Name))
        {
            problems.Add(new Problem("name", "cannot be empty"));
        }

        ValidateCommon(patch.Emails ?? [], patch.Value, patch.Currency, problems);
        return problems;
    }

    public static List<Problem> ValidateActivity(ActivityInput activity)
    {
        var problems = new List<Problem>();
        if (!ActivityInput.Types.Contains(activity.Type))
        {
            problems.Add(new Problem("type", $"'{activity.Type}' is not one of {string.Join(", ", ActivityInput.Types)}"));
        }

        if (activity.Direction is not null and not "in" and not "out")
        {
            problems.Add(new Problem("direction", $"'{activity.Direction}' is not 'in' or 'out'"));
        }

        if (activity.Subject is { Length: > 998 })
        {
            problems.Add(new Problem("subject", "is longer than 998 characters"));
        }

        if (activity.ExternalId is { Length: > 512 })
        {
            problems.Add(new Problem("externalId", "is longer than 512 characters"));
        }

        var tags = activity.Tags ?? [];
        for (var i = 0; i < tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tags[i]))
            {
                problems.Add(new Problem($"tags[{i}]", "is empty"));
            }
        }

        return problems;
    }

    private static void ValidateCommon(IReadOnlyList<string> emails, decimal? value, string? currency, List<Problem> problems)
    {
        for (var i = 0; i < emails.Count; i++)
        {
            if (!IsEmail(emails[i]))
            {
                problems.Add(new Problem($"emails[{i}]", $"'{emails[i]}' is not an email address"));
            }
        }

        if (value < 0)
        {
            problems.Add(new Problem("value", "cannot be negative"));
        }

        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            problems.Add(new Problem("currency", $"'{currency}' is not a three-letter ISO 4217 code such as EUR"));
        }
    }

    private static bool IsEmail(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailAddress.TryCreate(text, out var address) && address.Address == text.Trim();
}
