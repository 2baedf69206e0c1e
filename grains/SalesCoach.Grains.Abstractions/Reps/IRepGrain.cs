using Orleans.Concurrency;

using SalesCoach.Common;

namespace SalesCoach.Reps;

/// <summary>
/// A sales rep: profile, the agenda of open tasks, one reminder for the earliest due time and an
/// outbox of notifications. Key = rep id.
/// </summary>
[Alias("SalesCoach.Reps.IRepGrain")]
public interface IRepGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the profile.</summary>
    [Alias("SaveProfile")]
    Task<RepProfile> SaveProfileAsync(RepProfile profile);

    /// <summary>
    /// The profile, or null for a rep never saved. Interleaves: every card click asks for the clicker's
    /// profile (their roles), and it must not queue behind the agenda writes of a busy rep.
    /// </summary>
    [Alias("GetProfile"), AlwaysInterleave]
    Task<RepProfile?> GetProfileAsync();

    /// <summary>Open tasks assigned to the rep, earliest due first.</summary>
    [Alias("GetAgenda")]
    Task<AgendaView> GetAgendaAsync();

    /// <summary>
    /// Applies a lead command's agenda changes (re-arming the reminder if the earliest due time moved) and
    /// queues its notifications, persisted in one write (then sent outside the caller's turn); what a lead
    /// tells its reps goes through here.
    /// </summary>
    [Alias("Apply")]
    Task ApplyAsync(RepUpdate update);

    /// <summary>The rep's open leads (owned, or with a task of theirs) whose id or name matches the text, best match first.</summary>
    [Alias("FindLeads")]
    Task<IReadOnlyList<LeadRef>> FindLeadsAsync(string text);

    /// <summary>How many open leads the rep owns (for least-loaded assignment).</summary>
    [Alias("GetLoad")]
    Task<int> GetLoadAsync();

    /// <summary>Queues a notification in the outbox (deduplicated by id) and sends it.</summary>
    [Alias("Notify")]
    Task NotifyAsync(Notification notification);

    /// <summary>Remembers where to reach the rep proactively, and sends what waited for it.</summary>
    [Alias("SaveConversation")]
    Task SaveConversationAsync(ConversationReference conversation);

    /// <summary>Where the rep can be reached, or null before the bot first met them.</summary>
    [Alias("GetConversation")]
    Task<ConversationReference?> GetConversationAsync();

    /// <summary>When the rep's one agenda reminder is next due, or null when none is registered.</summary>
    [Alias("GetNextWake")]
    Task<DateTimeOffset?> GetNextWakeAsync();

    /// <summary>Kudos and praise received, and the run of tasks done on time.</summary>
    [Alias("GetStats")]
    Task<RepStats> GetStatsAsync();
}
