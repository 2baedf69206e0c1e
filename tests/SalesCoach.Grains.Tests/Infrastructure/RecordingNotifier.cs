using System.Collections.Concurrent;
using SalesCoach.Reps;

namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>An <see cref="INotifier"/> that remembers what it was asked to send, and can be told to fail.</summary>
public sealed class RecordingNotifier : INotifier
{
    private readonly ConcurrentQueue<Notification> sent = new();

    public bool Failing { get; set; }

    public int Attempts => attempts;

    private int attempts;

    public IReadOnlyList<Notification> Sent => [.. sent];

    public IReadOnlyList<Notification> SentTo(string repId) => [.. sent.Where(n => n.RepId == repId)];

    public Task SendAsync(Notification notification, ConversationReference? conversation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        if (Failing)
        {
            throw new HttpRequestException("Teams is unavailable (test)");
        }

        sent.Enqueue(notification);
        return Task.CompletedTask;
    }
}
