namespace SalesCoach.Lists;

/// <summary>An operation waiting (or failed for good), with its retry schedule.</summary>
[GenerateSerializer]
public sealed class EmailListEntry
{
    [Id(0)] public EmailListOperation Operation { get; set; } = new();
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public DateTimeOffset NextAttemptAt { get; set; }
    [Id(3)] public string? LastError { get; set; }
}
