namespace SalesCoach.Leads;

/// <summary>What is known about a lead; routing, assignment and <c>fieldSet</c> goals read these.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadFacts
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public string? Company { get; init; }
    [Id(2)] public IReadOnlyList<string> Emails { get; init; } = [];
    [Id(3)] public decimal? Value { get; init; }
    [Id(4)] public string? Currency { get; init; }
    [Id(5)] public string? Product { get; init; }
    [Id(6)] public string? Territory { get; init; }
    [Id(7)] public string? Source { get; init; }

    /// <summary>The fact names a <c>fieldSet</c> goal may name.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["name", "company", "emails", "value", "currency", "product", "territory", "source"];

    /// <summary>Whether the named fact has a value.</summary>
    public bool IsSet(string field) => field.ToLowerInvariant() switch
    {
        "name" => !string.IsNullOrWhiteSpace(Name),
        "company" => !string.IsNullOrWhiteSpace(Company),
        "emails" => Emails.Count > 0,
        "value" => Value is not null,
        "currency" => !string.IsNullOrWhiteSpace(Currency),
        "product" => !string.IsNullOrWhiteSpace(Product),
        "territory" => !string.IsNullOrWhiteSpace(Territory),
        "source" => !string.IsNullOrWhiteSpace(Source),
        _ => false,
    };

    /// <summary>Equality by content (records compare lists by reference).</summary>
    public bool SameAs(LeadFacts other) =>
        Name == other.Name && Company == other.Company && Value == other.Value && Currency == other.Currency
        && Product == other.Product && Territory == other.Territory && Source == other.Source
        && Emails.SequenceEqual(other.Emails, StringComparer.OrdinalIgnoreCase);
}
