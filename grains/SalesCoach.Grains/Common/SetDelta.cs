namespace SalesCoach.Common;

/// <summary>What changed between two sets of strings: members added and members removed.</summary>
[GenerateSerializer]
public sealed class SetDelta
{
    [Id(0)] public List<string> Added { get; set; } = [];
    [Id(1)] public List<string> Removed { get; set; } = [];

    public static SetDelta Between(IReadOnlySet<string> stored, IReadOnlySet<string> current) => new()
    {
        Added = [.. current.Where(member => !stored.Contains(member))],
        Removed = [.. stored.Where(member => !current.Contains(member))],
    };

    /// <summary>Makes <paramref name="target"/> hold this change; applying it twice changes nothing more.</summary>
    public void ApplyTo(ISet<string> target)
    {
        target.ExceptWith(Removed);
        target.UnionWith(Added);
    }
}
