namespace SalesCoach.Reps;

/// <summary>A notification waiting to be sent, with its retry schedule.</summary>
[GenerateSerializer]
public sealed class OutboxEntry
{
    [Id(0)] public Notification Notification { get; set; } = new();
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public DateTimeOffset NextAttemptAt { get; set; }
}
