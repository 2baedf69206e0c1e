namespace SalesCoach.Common;

/// <summary>What changed between two string-keyed dictionaries: entries added or changed, and keys removed.</summary>
[GenerateSerializer]
public sealed class KeyedDelta<T>
{
    [Id(0)] public Dictionary<string, T> Set { get; set; } = [];
    [Id(1)] public List<string> Removed { get; set; } = [];

    /// <summary>The entries of <paramref name="keys"/> as <paramref name="current"/> has them now: set when present, removed when not.</summary>
    public static KeyedDelta<T> Of(IReadOnlyDictionary<string, T> current, IEnumerable<string> keys)
    {
        var delta = new KeyedDelta<T>();
        foreach (var key in keys)
        {
            if (current.TryGetValue(key, out var value))
            {
                delta.Set[key] = value;
            }
            else
            {
                delta.Removed.Add(key);
            }
        }

        return delta;
    }

    /// <summary>Makes <paramref name="target"/> hold this change; applying it twice changes nothing more.</summary>
    public void ApplyTo(IDictionary<string, T> target)
    {
        foreach (var key in Removed)
        {
            target.Remove(key);
        }

        foreach (var (key, value) in Set)
        {
            target[key] = value;
        }
    }
}
