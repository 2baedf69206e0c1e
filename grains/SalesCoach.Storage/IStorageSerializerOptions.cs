using Orleans.Storage;

namespace SalesCoach.Storage;

/// <summary>Options of a provider here that serializes grain state; null means the Orleans serializer.</summary>
public interface IStorageSerializerOptions
{
    /// <summary>The serializer for grain state; <see cref="ProviderRegistration"/> fills in an <see cref="ExactSizeGrainStorageSerializer"/> when null.</summary>
    IGrainStorageSerializer? GrainStorageSerializer { get; set; }
}
