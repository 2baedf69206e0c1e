namespace SalesCoach.DirectorySync;

/// <summary>The fields of a mailbox message that are logged on a lead (the server's copy, not the client's word).</summary>
[GenerateSerializer, Immutable]
public sealed record DirectoryMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Subject,
    [property: Id(2)] string? From,
    [property: Id(3)] IReadOnlyList<string> To,
    [property: Id(4)] DateTimeOffset? SentAt,
    [property: Id(5)] string? InternetMessageId,
    [property: Id(6)] string? BodyPreview);
