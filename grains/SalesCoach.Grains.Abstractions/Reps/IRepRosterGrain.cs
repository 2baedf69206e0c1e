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

    /// <summary>Every rep, by id.</summary>
    [Alias("List")]
    Task<IReadOnlyList<RepProfile>> ListAsync();
}
