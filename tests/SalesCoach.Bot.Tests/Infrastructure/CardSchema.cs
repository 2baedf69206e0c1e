using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Tests.Infrastructure;

/// <summary>
/// The official Adaptive Card 1.5 JSON schema from <c>shared/schemas</c>, which lies beside the
/// repository (found by walking up from the test binaries), and validation against it.
/// </summary>
public static class CardSchema
{
    /// <summary>Where the schema lies relative to an ancestor of the repository.</summary>
    public const string RelativePath = "shared/schemas/adaptive-card-1.5.json";

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Locate()));

    /// <summary>The schema file: <c>shared/schemas/adaptive-card-1.5.json</c> next to the nearest ancestor that has one.</summary>
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"No {RelativePath} beside any ancestor of {AppContext.BaseDirectory}; shared/ must lie beside the repository clone.");
    }

    /// <summary>Every problem the schema finds in a card's JSON (empty when it is valid).</summary>
    public static IReadOnlyList<string> Problems(JsonNode card)
    {
        using var document = JsonDocument.Parse(card.ToJsonString());
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var problems = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();
        return problems.Count > 0 ? problems : ["invalid (no details)"];
    }

    /// <summary>Fails with every problem unless the card is valid.</summary>
    public static void AssertValid(AdaptiveCard card) => AssertValid(CardJson.ToJsonObject(card));

    /// <summary>Fails with every problem unless the JSON is a valid card.</summary>
    public static void AssertValid(JsonNode card)
    {
        var problems = Problems(card);
        Assert.True(problems.Count == 0, "Not a valid Adaptive Card 1.5:\n" + string.Join("\n", problems.Take(20)));
    }
}
