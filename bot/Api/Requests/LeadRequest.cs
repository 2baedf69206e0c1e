using SalesCoach.Leads;

namespace SalesCoach.Bot.Api.Requests;

/// <summary>The body of <c>POST /api/leads</c>.</summary>
public sealed record LeadRequest
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Company { get; init; }
    public List<string?>? Emails { get; init; }
    public decimal? Value { get; init; }
    public string? Currency { get; init; }
    public string? Product { get; init; }
    public string? Territory { get; init; }
    public string? Source { get; init; }
    public string? PipelineId { get; init; }
    public string? OwnerId { get; init; }

    public CreateLead ToCommand() => new()
    {
        Facts = new LeadFacts
        {
            Name = Name?.Trim() ?? "",
            Company = Company,
            Emails = [.. (Emails ?? []).Select(e => e?.Trim() ?? "")],
            Value = Value,
            Currency = Currency,
            Product = Product,
            Territory = Territory,
            Source = Source,
        },
        PipelineId = PipelineId,
        OwnerId = OwnerId,
    };
}
