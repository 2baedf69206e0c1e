namespace SalesCoach.Common;

/// <summary>What changed between two sets of strings: members added and members removed.</summary>
[GenerateSerializer]
public sealed class SetDelta
{
    [Id(0)] public List<string> Added { get; set; } = [];
    [Id(1)] public List<string> Removed { get; set; } = [];

    /// <summary><paramref name="members"/> as <paramref name="current"/> has them now: added when present, removed when not.</summary>
    public static SetDelta Of(IReadOnlySet<string> current, IEnumerable<string> members)
    {
        var delta = new SetDelta();
        foreach (var member in members)
        {
            (current.Contains(member) ? delta.Added : delta.Removed).Add(member);
        }

        return delta;
    }

    /// <summary>Makes <paramref name="target"/> hold this change; applying it twice changes nothing more.</summary>
    public void ApplyTo(ISet<string> target)
    {
        target.ExceptWith(Removed);
        target.UnionWith(Added);
    }
}
