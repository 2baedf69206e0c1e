using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.Session;

namespace SalesCoach.Storage.Tests;

/// <summary>The Orleans services a provider needs outside a silo, shared by every test.</summary>
internal static class TestServices
{
    private static readonly Lazy<ServiceProvider> Provider = new(() => new ServiceCollection().AddSerializer().BuildServiceProvider());

    public static Serializer Serializer => Provider.Value.GetRequiredService<Serializer>();

    public static SerializerSessionPool Sessions => Provider.Value.GetRequiredService<SerializerSessionPool>();

    public static IActivatorProvider Activators => Provider.Value.GetRequiredService<IActivatorProvider>();

    /// <summary>Cluster options with a service id of their own, so that stores shared between tests do not mix rows.</summary>
    public static IOptions<ClusterOptions> NewClusterOptions()
        => Options.Create(new ClusterOptions { ClusterId = "tests", ServiceId = $"service-{Guid.NewGuid():N}" });
}
