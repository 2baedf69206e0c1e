using SalesCoach.Enrichment;

namespace SalesCoach.Grains.Tests.Enrichment;

/// <summary>Company facts from an address, without a network.</summary>
public sealed class EmailEnricherTests
{
    private readonly EmailEnricher enricher = new();

    [Theory]
    [InlineData("cto@acme-industries.example", "acme-industries.example", "Acme Industries")]
    [InlineData("CTO@Acme-Industries.Example", "acme-industries.example", "Acme Industries")]
    [InlineData("ops@mail.initech.com", "mail.initech.com", "Initech")]
    [InlineData("jane@globex.co.uk", "globex.co.uk", "Globex")]
    [InlineData("a@umbrella_corp.com.au", "umbrella_corp.com.au", "Umbrella Corp")]
    public void Enrich_CompanyAddress_DomainAndCompanyGuess(string email, string domain, string company)
    {
        Assert.Equal(new EmailEnrichment(domain, false, company), enricher.Enrich(email));
    }

    [Theory]
    [InlineData("someone@gmail.com")]
    [InlineData("someone@googlemail.com")]
    [InlineData("someone@outlook.com")]
    [InlineData("someone@hotmail.fr")]
    [InlineData("someone@yahoo.co.uk")]
    [InlineData("someone@icloud.com")]
    [InlineData("someone@proton.me")]
    [InlineData("someone@protonmail.com")]
    [InlineData("someone@gmx.de")]
    [InlineData("someone@web.de")]
    [InlineData("someone@me.com")]
    public void Enrich_FreeMailAddress_RecognisedAndNotACompany(string email)
    {
        var result = enricher.Enrich(email);

        Assert.True(result.IsFreeMail);
        Assert.Null(result.CompanyGuess);
        Assert.Equal(email[(email.IndexOf('@') + 1)..], result.Domain);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("x@localhost")]
    public void Enrich_NoUsableDomain_Nothing(string email)
    {
        Assert.Equal(new EmailEnrichment(null, false, null), enricher.Enrich(email));
    }
}
