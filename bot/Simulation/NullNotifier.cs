using SalesCoach.Reps;

namespace SalesCoach.Bot.Simulation;

/// <summary>The simulation's notifier: cards are accepted and dropped (nobody is in the chat).</summary>
public sealed class NullNotifier : INotifier
{
    public Task SendAsync(Notification notification, ConversationReference? conversation, CancellationToken cancellationToken) => Task.CompletedTask;
}
