using Microsoft.Azure.Cosmos;

namespace SalesCoach.Storage.Cosmos;

/// <summary>
/// The two containers' layout: partition keys and indexing policies, chosen so that every hot-path
/// operation is a point read or a conditional point write, and writes pay for as few index terms as possible.
/// </summary>
internal static class CosmosContainers
{
    /// <summary>
    /// Grain state: partition key <c>/id</c>, so each grain state is its own logical partition (reads and
    /// writes are point operations, spread evenly). Nothing is ever queried, so nothing is indexed.
    /// </summary>
    public static ContainerProperties GrainState(string name) => new(name, "/id")
    {
        IndexingPolicy = new IndexingPolicy
        {
            IndexingMode = IndexingMode.Consistent,
            Automatic = true,
            ExcludedPaths = { new ExcludedPath { Path = "/*" } },
        },
    };

    /// <summary>
    /// Reminders: partition key <c>/pk</c> = service id and ring-hash bucket (see <see cref="CosmosKeys"/>).
    /// Only <c>hash</c> (ring-range reads) and <c>grainId</c> (a grain's reminders) are indexed.
    /// </summary>
    public static ContainerProperties Reminders(string name) => new(name, "/pk")
    {
        IndexingPolicy = new IndexingPolicy
        {
            IndexingMode = IndexingMode.Consistent,
            Automatic = true,
            IncludedPaths = { new IncludedPath { Path = "/hash/?" }, new IncludedPath { Path = "/grainId/?" } },
            ExcludedPaths = { new ExcludedPath { Path = "/*" } },
        },
    };
}
