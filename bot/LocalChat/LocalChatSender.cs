using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.LocalChat;

/// <summary>Delivers the bot's activities on the local channel: into the conversation, where Web Chat polls for them.</summary>
public sealed class LocalChatSender(ChatConversations conversations, TimeProvider time) : IActivitySender
{
    public bool Serves(string? channelId, string? serviceUrl) => serviceUrl == LocalChatChannel.ServiceUrl;

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversation = Conversation(activity);
        activity.From ??= new ChannelAccount { Id = LocalChatChannel.BotId, Name = LocalChatChannel.BotName, Role = "bot" };
        activity.Id = null;
        var id = conversation.Add(activity, time.GetUtcNow());
        return Task.FromResult(new ResourceResponse { Id = id });
    }

    public Task UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        Conversation(activity).Add(activity, time.GetUtcNow());
        return Task.CompletedTask;
    }

    private ChatConversation Conversation(Activity activity) =>
        conversations.Find(activity.Conversation?.Id ?? "")
        ?? throw new InvalidOperationException($"the local chat '{activity.Conversation?.Id}' is closed (the host restarted); it reopens when the rep opens /chat");
}
