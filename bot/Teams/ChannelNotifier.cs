using SalesCoach.Bot.BotFramework.Connector;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;
using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Bot.Integrations.Graph;
using SalesCoach.Common;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Teams;

/// <summary>
/// The <see cref="INotifier"/> of the host: turns a rep's notification into its card and sends it
/// to the rep's chat — Teams through the Bot Connector (creating the 1:1 conversation when only the
/// user is known), or the local chat page. Everything the card shows comes with the notification,
/// so sending never calls back into the rep grain (it is mid-turn while it sends). A rep with no chat yet is
/// offered the Teams app (<see cref="ProactiveReach"/>: another grain, asked once) and the notification waits.
/// </summary>
public sealed class ChannelNotifier(ActivitySenders senders, ConnectorClient connector, SalesClock clock, ProactiveReach? reach = null) : INotifier
{
    public async Task SendAsync(Notification notification, ConversationReference? conversation, CancellationToken cancellationToken)
    {
        if (conversation is null || (conversation.ConversationId.Length == 0 && conversation.UserId.Length == 0))
        {
            // The install's conversationUpdate stores the reference (InstallHandler) and the outbox then delivers.
            if (reach is not null)
            {
                await reach.OfferAsync(notification.RepId);
            }

            throw new RepNotReachableException(notification.RepId);
        }

        var cards = CardContext.ForChannel(conversation.ChannelId, now: clock.Now);
        var conversationId = conversation.ConversationId.Length > 0
            ? conversation.ConversationId
            : (await connector.CreateConversationAsync(conversation.ServiceUrl, new ConversationParameters
            {
                Bot = new ChannelAccount { Id = conversation.BotId, Name = conversation.BotName },
                Members = [new ChannelAccount { Id = conversation.UserId }],
                TenantId = conversation.TenantId,
                ChannelData = conversation.TenantId is null ? null : new() { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = conversation.TenantId } },
            }, cancellationToken)).Id!;

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = conversation.ChannelId,
            ServiceUrl = conversation.ServiceUrl,
            Conversation = new ConversationAccount { Id = conversationId, TenantId = conversation.TenantId },
            From = new ChannelAccount { Id = conversation.BotId, Name = conversation.BotName },
            Recipient = new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName },
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = CardReplies.Json(CardFor(notification, cards)) }],
        };
        await senders.SendAsync(activity, cancellationToken);
    }

    /// <summary>The card for each kind of notification.</summary>
    public static AdaptiveCard CardFor(Notification notification, CardContext cards) => notification.Kind switch
    {
        NotificationKind.TaskDue or NotificationKind.TaskAssigned => TaskPromptCard.Build(notification, cards),
        NotificationKind.OverdueDigest => OverdueDigestCard.Build(notification, cards),
        NotificationKind.StageGuidance => StageGuidanceCard.Build(LeadOf(notification), StageOf(notification), cards),
        NotificationKind.Praise => PraiseCard.Build(notification, cards),
        NotificationKind.Kudos => KudosCard.Received(notification, cards),
        NotificationKind.Reassigned => CommandHandler.Notice($"{notification.Title}. {notification.Text}", cards),
        _ => CommandHandler.Notice(notification.Title, cards),
    };

    private static LeadView LeadOf(Notification notification) => new()
    {
        Id = notification.LeadId ?? "",
        Name = notification.LeadName ?? notification.Title,
        Status = LeadStatus.Open,
        OwnerId = notification.RepId,
        Stage = new StageView(notification.StageId ?? "", notification.StageName ?? "", notification.Guidance, notification.CreatedAt),
        Tasks = [.. notification.Tasks.Select(item => new TaskView
        {
            Id = item.TaskId,
            StageId = item.StageId,
            Title = item.Title,
            Status = LeadTaskStatus.Open,
            DueAt = item.DueAt,
            AssigneeId = notification.RepId,
        })],
    };

    private static StageDefinition StageOf(Notification notification) => new()
    {
        Id = notification.StageId ?? "",
        Name = notification.StageName ?? "",
        Guidance = notification.Guidance,
        Goal = notification.Goal,
        Tasks = [.. notification.Tasks.Select(item => new TaskDefinition { Id = item.TaskId, Title = item.Title })],
    };
}
