namespace SalesCoach.DirectorySync;

/// <summary>
/// Proactive reach for one rep (key = rep id): installs the Teams app for a rep the bot cannot reach yet,
/// <b>once</b> — the request is remembered durably, so the outbox's retries and repeated directory syncs
/// ask Graph nothing more. Teams then sends the install's <c>conversationUpdate</c>, which stores the rep's
/// conversation reference, and what waited in the rep's outbox goes out.
/// </summary>
[Alias("SalesCoach.DirectorySync.ITeamsAppInstallGrain")]
public interface ITeamsAppInstallGrain : IGrainWithStringKey
{
    /// <summary>Asks for the install unless it was asked for before; returns at once (the Graph call happens after the turn).</summary>
    [Alias("Request")]
    Task RequestAsync();

    [Alias("Get")]
    Task<TeamsAppInstallView> GetAsync();
}
