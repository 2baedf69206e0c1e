using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SalesCoach.Bot.LocalChat;

/// <summary>The local chats of this process (in memory: a restart starts new ones, and the bot learns the new address).</summary>
public sealed class ChatConversations
{
    private readonly ConcurrentDictionary<string, ChatConversation> byId = new();

    public ChatConversation Start(string userId, string? userName)
    {
        var conversation = new ChatConversation(NewId(), userId, userName, NewToken());
        byId[conversation.Id] = conversation;
        return conversation;
    }

    public ChatConversation? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The conversation the bearer token opens, or null.</summary>
    public ChatConversation? FindByToken(string? token) =>
        token is null ? null : byId.Values.FirstOrDefault(c => CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(c.Token), System.Text.Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
}
