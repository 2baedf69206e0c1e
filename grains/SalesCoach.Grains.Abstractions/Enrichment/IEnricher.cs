namespace SalesCoach.Enrichment;

/// <summary>Port: company facts from an email address (plain code, no network, in the default implementation).</summary>
public interface IEnricher
{
    /// <summary>The address's domain, whether it is a free-mail provider, and a guess at the company's name.</summary>
    EmailEnrichment Enrich(string email);
}
