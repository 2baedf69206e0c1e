using SalesCoach.Bot.BotFramework.Schema;
using SalesCoach.Bot.Cards;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Teams;

/// <summary>What every SalesCoach handler reads off an activity: who acts, where to reach them, how to show cards.</summary>
public static class BotTurn
{
    /// <summary>
    /// The rep acting: the sender's Entra object id in Teams, the sender's id elsewhere (the local
    /// chat stamps the rep it was opened for). Never a user named inside card data.
    /// </summary>
    public static string? RepId(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id;

    /// <summary>Where to reach the sender proactively: this conversation.</summary>
    public static ConversationReference Conversation(Activity activity) => new()
    {
        ChannelId = activity.ChannelId ?? "",
        ServiceUrl = activity.ServiceUrl ?? "",
        ConversationId = activity.Conversation?.Id ?? "",
        BotId = activity.Recipient?.Id ?? "",
        BotName = activity.Recipient?.Name,
        UserId = activity.From?.Id ?? "",
        UserName = activity.From?.Name,
        TenantId = activity.TenantId,
    };

    /// <summary>Cards for this channel (Action.Execute in Teams, Action.Submit elsewhere), times at the sender's offset when the client says it.</summary>
    public static CardContext Cards(Activity activity, DateTimeOffset now) =>
        CardContext.ForChannel(activity.ChannelId, LocalOffset(activity), now);

    /// <summary>As <see cref="Cards(Activity, DateTimeOffset)"/>, with reps' display names ("Done by Ana") from the roster.</summary>
    public static async Task<CardContext> CardsAsync(Activity activity, DateTimeOffset now, IGrainFactory grains)
    {
        var names = await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).NamesAsync();
        return Cards(activity, now) with { Names = names.ByRep };
    }

    private static TimeSpan LocalOffset(Activity activity) =>
        activity.Extra is { } extra && extra.TryGetValue("localTimestamp", out var local)
            && local.ValueKind == System.Text.Json.JsonValueKind.String && DateTimeOffset.TryParse(local.GetString(), out var at)
            ? at.Offset
            : TimeSpan.Zero;
}
