namespace SalesCoach.Reps;

/// <summary>
/// Every rep's display name by id, as the roster holds them (cards show "Done by Ana"). Immutable: the roster
/// builds it once per change, and every card click on the silo gets that same instance rather than a copy of
/// the roster turned into a dictionary (work that grew with the number of reps, on every click).
/// </summary>
[GenerateSerializer, Immutable]
public sealed class RepNames
{
    /// <summary>Never changed once built: callers share it.</summary>
    [Id(0)] public IReadOnlyDictionary<string, string> ByRep { get; init; } = new Dictionary<string, string>();
}
