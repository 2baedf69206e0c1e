using SalesCoach.Storage.Cosmos;

namespace SalesCoach.Storage.Tests.Cosmos;

[Trait("Category", "Cosmos")]
public sealed class CosmosStorageOptionsValidatorTests
{
    private const string Key = "c2VjcmV0";
    private readonly CosmosStorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_EndpointAndKey_Succeeds()
    {
        var result = _validator.Validate("leads", new CosmosStorageOptions { Endpoint = "https://contoso.documents.azure.com:443/", Key = Key });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_EndpointAndCredential_Succeeds()
    {
        var result = _validator.Validate("leads", new CosmosStorageOptions
        {
            Endpoint = "https://contoso.documents.azure.com:443/",
            Credential = new Azure.Identity.ClientSecretCredential("tenant", "client", "secret"),
        });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Validate_MissingEndpoint_FailsNamingTheOptionsAndEndpoint(string? endpoint)
    {
        var result = _validator.Validate("leads", new CosmosStorageOptions { Endpoint = endpoint, Key = Key });

        Assert.Contains("CosmosStorageOptions 'leads': Endpoint is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contoso.documents.azure.com")]
    [InlineData("ftp://contoso/")]
    public void Validate_EndpointNotAnHttpsUrl_Fails(string endpoint)
    {
        var result = _validator.Validate("leads", new CosmosStorageOptions { Endpoint = endpoint, Key = Key });

        Assert.Contains("not an absolute https URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoKeyNorCredential_Fails()
    {
        var result = _validator.Validate("leads", new CosmosStorageOptions { Endpoint = "https://contoso/" });

        Assert.Contains("set Key (the account key) or Credential", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyNotBase64_Fails()
    {
        var result = _validator.Validate("leads", new CosmosStorageOptions { Endpoint = "https://contoso/", Key = "not base64!" });

        Assert.Contains("Key is not base64", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("trailing ")]
    public void Validate_BadDatabaseName_Fails(string database)
    {
        var result = _validator.Validate("leads", new CosmosStorageOptions { Endpoint = "https://contoso/", Key = Key, Database = database });

        Assert.Contains("Database", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameContainerForStateAndReminders_Fails()
    {
        var result = _validator.Validate("leads", new CosmosStorageOptions
        {
            Endpoint = "https://contoso/", Key = Key, GrainStateContainer = "all", ReminderContainer = "all",
        });

        Assert.Contains("must differ", result.FailureMessage, StringComparison.Ordinal);
    }
}
