namespace SalesCoach.Common;

/// <summary>What changed between two string-keyed dictionaries: entries added or changed, and keys removed.</summary>
[GenerateSerializer]
public sealed class KeyedDelta<T>
{
    [Id(0)] public Dictionary<string, T> Set { get; set; } = [];
    [Id(1)] public List<string> Removed { get; set; } = [];

    /// <summary>
    /// The change from <paramref name="stored"/> to <paramref name="current"/>: one pass over each, with no
    /// serialisation, so it costs far less than writing either whole. Values are compared by
    /// <see cref="EqualityComparer{T}.Default"/> (a record compares by reference first).
    /// </summary>
    public static KeyedDelta<T> Between(IReadOnlyDictionary<string, T> stored, IReadOnlyDictionary<string, T> current)
    {
        var delta = new KeyedDelta<T>();
        var equal = EqualityComparer<T>.Default;
        foreach (var (key, value) in current)
        {
            if (!stored.TryGetValue(key, out var old) || !equal.Equals(old, value))
            {
                delta.Set[key] = value;
            }
        }

        foreach (var key in stored.Keys)
        {
            if (!current.ContainsKey(key))
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
