namespace SalesCoach.Leads;

/// <summary>
/// The mail server's copy of a logged email (Microsoft Graph, read with the app's own credentials), so
/// what a lead shows is the server's word, not the client's. Present only when the host fetched it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MessageCopy
{
    /// <summary>The message's id in the rep's mailbox (Graph / Outlook REST id).</summary>
    [Id(0)] public string MessageId { get; init; } = "";
    [Id(1)] public string? InternetMessageId { get; init; }
    [Id(2)] public string? From { get; init; }
    [Id(3)] public IReadOnlyList<string> To { get; init; } = [];
    [Id(4)] public DateTimeOffset? SentAt { get; init; }
    [Id(5)] public string? BodyPreview { get; init; }
}
