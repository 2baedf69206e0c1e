namespace SalesCoach.Leads;

/// <summary>An email, call, meeting, demo or note to log on a lead; a repeated <see cref="ExternalId"/> adds nothing.</summary>
[GenerateSerializer, Immutable]
public sealed record ActivityInput
{
    /// <summary><c>email</c>, <c>call</c>, <c>meeting</c>, <c>demo</c> or <c>note</c>.</summary>
    [Id(0)] public string Type { get; init; } = "";
    /// <summary><c>in</c> or <c>out</c>.</summary>
    [Id(1)] public string? Direction { get; init; }
    [Id(2)] public string? Subject { get; init; }
    /// <summary>When it happened; defaults to when it is logged.</summary>
    [Id(3)] public DateTimeOffset? At { get; init; }
    /// <summary>The source system's id, e.g. an email's Internet message id.</summary>
    [Id(4)] public string? ExternalId { get; init; }
    [Id(5)] public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>The server's copy of an email, set by the host when it fetched the message (never taken from a client).</summary>
    [Id(6)] public MessageCopy? Message { get; init; }

    /// <summary>Activity kinds a lead accepts.</summary>
    public static IReadOnlyList<string> Types { get; } = ["email", "call", "meeting", "demo", "note"];
}
