namespace SalesCoach.Leads;

/// <summary>A logged email, call, meeting, demo or note.</summary>
[GenerateSerializer, Immutable]
public sealed record ActivityView
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Type { get; init; } = "";
    [Id(2)] public string? Direction { get; init; }
    [Id(3)] public string? Subject { get; init; }
    [Id(4)] public DateTimeOffset At { get; init; }
    [Id(5)] public string? ExternalId { get; init; }
    [Id(6)] public IReadOnlyList<string> Tags { get; init; } = [];
    [Id(7)] public string StageId { get; init; } = "";
    [Id(8)] public string LoggedBy { get; init; } = "";
    /// <summary>For an email fetched from the mailbox: the server's copy of its fields; null when logged from the client's word.</summary>
    [Id(9)] public MessageCopy? Message { get; init; }
}
