using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.LocalChat;

/// <summary>
/// One local chat: the activities in order (the watermark is their count), the rep it belongs to
/// and the token that opens it. An updated activity is appended again under its id, which Web Chat
/// treats as a replacement.
/// </summary>
public sealed class ChatConversation(string id, string userId, string? userName, string token)
{
    private readonly List<Activity> activities = [];
    private readonly Lock gate = new();
    private int sequence;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public string? UserName { get; } = userName;

    public string Token { get; set; } = token;

    /// <summary>Adds an activity, giving it an id and timestamp if it has none; returns its id.</summary>
    public string Add(Activity activity, DateTimeOffset now)
    {
        lock (gate)
        {
            activity.Id ??= $"{Id}|{++sequence:D7}";
            activity.Timestamp ??= now;
            activity.Conversation = new ConversationAccount { Id = Id };
            activities.Add(activity);
            return activity.Id;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/>, and the new watermark.</summary>
    public (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (gate)
        {
            var from = Math.Clamp(watermark, 0, activities.Count);
            return (activities.GetRange(from, activities.Count - from), activities.Count);
        }
    }

    /// <summary>Every activity so far (for tests and the chat page's history).</summary>
    public IReadOnlyList<Activity> All()
    {
        lock (gate)
        {
            return [.. activities];
        }
    }
}
