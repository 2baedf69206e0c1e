namespace SalesCoach.Leads;

/// <summary>A change of facts: null members are left as they are.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadFactsPatch
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Company { get; init; }
    [Id(2)] public IReadOnlyList<string>? Emails { get; init; }
    [Id(3)] public decimal? Value { get; init; }
    [Id(4)] public string? Currency { get; init; }
    [Id(5)] public string? Product { get; init; }
    [Id(6)] public string? Territory { get; init; }
    [Id(7)] public string? Source { get; init; }
    [Id(8)] public string? OperationId { get; init; }

    /// <summary>The facts with this patch applied.</summary>
    public LeadFacts ApplyTo(LeadFacts facts) => facts with
    {
        Name = Name ?? facts.Name,
        Company = Company ?? facts.Company,
        Emails = Emails ?? facts.Emails,
        Value = Value ?? facts.Value,
        Currency = Currency ?? facts.Currency,
        Product = Product ?? facts.Product,
        Territory = Territory ?? facts.Territory,
        Source = Source ?? facts.Source,
    };
}
