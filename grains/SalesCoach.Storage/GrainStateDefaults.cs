using Orleans.Serialization.Serializers;

namespace SalesCoach.Storage;

/// <summary>What every grain-storage provider does for a missing or cleared record: a fresh default state, no ETag.</summary>
internal static class GrainStateDefaults
{
    public static T Create<T>(IActivatorProvider activators) => activators.GetActivator<T>().Create();

    public static void Reset<T>(IGrainState<T> grainState, IActivatorProvider activators)
    {
        grainState.State = Create<T>(activators);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }
}
