using Microsoft.Extensions.Options;
using SalesCoach.Bot.BotFramework;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Integrations.Graph;

/// <summary>
/// Where the bot reaches the tenant's Teams users: the Bot Connector's serviceUrl and the bot's account, taken from a
/// conversation already stored for another rep of the tenant (Teams told the bot), else from <c>Bot:ServiceUrl</c>.
/// Graph gives a chat's id but not the serviceUrl, so a rep found only through Graph needs this to be reached.
/// </summary>
public sealed class TenantBotConnector(IGrainFactory grains, IOptions<BotSettings> bot, IOptions<GraphOptions> graph)
{
    /// <summary>How many reps' stored conversations are looked at before falling back to the setting.</summary>
    public const int RepsLookedAt = 200;

    // Found once per process: a tenant's serviceUrl hardly ever changes, and the lookup reads rep grains.
    private ConversationReference? found;

    /// <summary>
    /// A Teams conversation reference with everything but the conversation and the user (channel, serviceUrl, bot, tenant);
    /// null when no serviceUrl is known.
    /// </summary>
    public async Task<ConversationReference?> FindAsync(string exceptRepId)
    {
        if (found is { } known)
        {
            return known;
        }

        var tenant = graph.Value.TenantId;
        var roster = await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).ListAsync();
        foreach (var rep in roster.Where(r => r.Id != exceptRepId).Take(RepsLookedAt))
        {
            if (await grains.GetGrain<IRepGrain>(rep.Id).GetConversationAsync() is { ChannelId: "msteams" } conversation
                && Uri.TryCreate(conversation.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
                && (tenant is null || conversation.TenantId is null || string.Equals(conversation.TenantId, tenant, StringComparison.OrdinalIgnoreCase)))
            {
                return found = new ConversationReference
                {
                    ChannelId = "msteams",
                    ServiceUrl = conversation.ServiceUrl,
                    BotId = conversation.BotId,
                    BotName = conversation.BotName,
                    TenantId = conversation.TenantId ?? tenant,
                };
            }
        }

        return bot.Value.ServiceUrl is { Length: > 0 } serviceUrl
            ? new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = serviceUrl,
                BotId = bot.Value.AppId is { Length: > 0 } appId ? $"28:{appId}" : "",
                TenantId = tenant ?? bot.Value.TenantId,
            }
            : null;
    }
}
