namespace SalesCoach.Lists;

/// <summary>What a lead's email-list outbox persists.</summary>
[GenerateSerializer]
public sealed class EmailListOutboxState
{
    [Id(0)] public List<EmailListEntry> Pending { get; set; } = [];
    /// <summary>Rejected by the provider (a bad address): shown, not retried.</summary>
    [Id(1)] public List<EmailListEntry> Failed { get; set; } = [];
    /// <summary>Operation id → when it was applied.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Sent { get; set; } = [];
    [Id(3)] public bool ReminderSet { get; set; }
}
