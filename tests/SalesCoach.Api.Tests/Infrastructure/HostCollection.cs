namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>The HTTP test classes that share one <see cref="SalesCoachHostFixture"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<SalesCoachHostFixture>
{
    public const string Name = "host";
}
