using Orleans.Concurrency;

namespace SalesCoach.DirectorySync;

/// <summary>
/// Proactive reach for one rep (key = rep id): installs the Teams app for a rep the bot cannot reach yet,
/// <b>once</b> — the request is remembered durably, so the outbox's retries and repeated directory syncs
/// ask Graph nothing more. Teams then sends the install's <c>conversationUpdate</c>, which stores the rep's
/// conversation reference, and what waited in the rep's outbox goes out. When the app was already there
/// (Graph's 409, so no such event comes) the grain looks up the existing chat and stores the reference itself.
/// </summary>
[Alias("SalesCoach.DirectorySync.ITeamsAppInstallGrain")]
public interface ITeamsAppInstallGrain : IGrainWithStringKey
{
    /// <summary>Asks for the install unless it was asked for before; returns at once (the Graph call happens after the turn).</summary>
    /// <remarks>
    /// Always interleaves: the rep grain asks from inside its outbox turn, and the install grain may be calling that
    /// rep grain (storing a found conversation) at the same moment; neither must wait on the other.
    /// </remarks>
    [Alias("Request"), AlwaysInterleave]
    Task RequestAsync();

    [Alias("Get"), AlwaysInterleave]
    Task<TeamsAppInstallView> GetAsync();
}
