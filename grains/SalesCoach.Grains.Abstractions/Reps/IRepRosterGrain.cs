using Orleans.Concurrency;

namespace SalesCoach.Reps;

/// <summary>Every rep's profile in one place, for assignment by tier and the active-rep share. Key = <see cref="DefaultKey"/>.</summary>
[Alias("SalesCoach.Reps.IRepRosterGrain")]
public interface IRepRosterGrain : IGrainWithStringKey
{
    /// <summary>The one roster of a deployment.</summary>
    const string DefaultKey = "default";

    /// <summary>Adds or refreshes a rep.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(RepProfile profile);

    /// <summary>Every rep, by id. Interleaves: every card click reads the roster (rep names on cards), and one grain must not make them queue.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<RepProfile>> ListAsync();

    /// <summary>Every rep's display name by id: what a card click needs of the roster. Interleaves, as <see cref="ListAsync"/>.</summary>
    [Alias("Names"), AlwaysInterleave]
    Task<RepNames> NamesAsync();
}
