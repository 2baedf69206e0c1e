using System.Collections.Concurrent;
using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>An <see cref="INotifier"/> that remembers what it was asked to send, and can be told to fail or to hold a rep's sends.</summary>
public sealed class RecordingNotifier : INotifier
{
    private readonly ConcurrentQueue<Notification> sent = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> holds = new(StringComparer.Ordinal);
    private int held;

    public bool Failing { get; set; }

    private readonly ConcurrentDictionary<string, bool> needConversation = new(StringComparer.Ordinal);

    /// <summary>Sends to <paramref name="repId"/> fail as the Teams notifier's do until the rep has a conversation.</summary>
    public void RequireConversation(string repId) => needConversation[repId] = true;

    public int Attempts => attempts;

    private int attempts;

    public IReadOnlyList<Notification> Sent => [.. sent];

    public IReadOnlyList<Notification> SentTo(string repId) => [.. sent.Where(n => n.RepId == repId)];

    /// <summary>Sends held up so far (each waits until its hold is released).</summary>
    public int Held => held;

    /// <summary>Holds every send to <paramref name="repId"/> until the returned hold is released, as Teams does while it throttles.</summary>
    public TaskCompletionSource Hold(string repId) => holds[repId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string repId)
    {
        if (holds.TryRemove(repId, out var hold))
        {
            hold.TrySetResult();
        }
    }

    public async Task SendAsync(Notification notification, ConversationReference? conversation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        if (holds.TryGetValue(notification.RepId, out var hold))
        {
            Interlocked.Increment(ref held);
            await hold.Task;
        }

        if (conversation is null && needConversation.ContainsKey(notification.RepId))
        {
            throw new RepNotReachableException(notification.RepId);
        }

        if (Failing)
        {
            throw new HttpRequestException("Teams is unavailable (test)");
        }

        sent.Enqueue(notification);
    }
}
