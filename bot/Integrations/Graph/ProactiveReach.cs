using System.Collections.Concurrent;
using SalesCoach.DirectorySync;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>
/// Offers a rep the bot cannot reach a Teams app install: asks the rep's <see cref="ITeamsAppInstallGrain"/>
/// (which remembers durably that it was asked, and calls Graph once). This process also remembers whom it
/// asked, so an outbox retrying every few seconds costs no grain call either. Switched off → does nothing.
/// </summary>
public sealed class ProactiveReach(IGrainFactory grains, ITeamsAppInstaller installer)
{
    private readonly ConcurrentDictionary<string, bool> asked = new(StringComparer.Ordinal);

    public bool IsConfigured => installer.IsConfigured;

    /// <summary>Asks for the install for <paramref name="repId"/>; true when asked now (false: switched off, or asked before).</summary>
    public async Task<bool> OfferAsync(string repId)
    {
        if (!installer.IsConfigured || asked.ContainsKey(repId))
        {
            return false;
        }

        await grains.GetGrain<ITeamsAppInstallGrain>(repId).RequestAsync();
        asked[repId] = true;
        return true;
    }
}
