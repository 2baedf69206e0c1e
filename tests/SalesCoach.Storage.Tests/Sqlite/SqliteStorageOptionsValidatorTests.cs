using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Storage.Tests.Sqlite;

public sealed class SqliteStorageOptionsValidatorTests
{
    private readonly SqliteStorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_PathAndDefaults_Succeeds()
    {
        var result = _validator.Validate("leads", new SqliteStorageOptions { Path = "data/salescoach.db" });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingPath_FailsNamingTheOptionsAndPath(string? path)
    {
        var result = _validator.Validate("leads", new SqliteStorageOptions { Path = path });

        Assert.True(result.Failed);
        Assert.Contains("SqliteStorageOptions 'leads': Path is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InMemoryPath_Fails()
    {
        var result = _validator.Validate("leads", new SqliteStorageOptions { Path = ":memory:" });

        Assert.True(result.Failed);
        Assert.Contains("must be a file", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("NORMAL")]
    [InlineData("Extra")]
    [InlineData("OFF")]
    public void Validate_KnownSynchronousModeInAnyCase_Succeeds(string mode)
    {
        var result = _validator.Validate("leads", new SqliteStorageOptions { Path = "a.db", Synchronous = mode });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("ALWAYS")]
    [InlineData("FULL; DROP TABLE grain_state")]
    public void Validate_UnknownSynchronousMode_Fails(string mode)
    {
        var result = _validator.Validate("leads", new SqliteStorageOptions { Path = "a.db", Synchronous = mode });

        Assert.True(result.Failed);
        Assert.Contains("Synchronous", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeBusyTimeout_Fails()
    {
        var result = _validator.Validate("leads", new SqliteStorageOptions { Path = "a.db", BusyTimeout = TimeSpan.FromSeconds(-1) });

        Assert.True(result.Failed);
        Assert.Contains("BusyTimeout", result.FailureMessage, StringComparison.Ordinal);
    }
}
