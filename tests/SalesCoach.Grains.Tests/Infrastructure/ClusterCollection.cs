namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>Grain tests share one cluster (starting a silo costs seconds); each test uses its own ids.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
