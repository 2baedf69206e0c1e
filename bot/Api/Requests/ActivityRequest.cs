using SalesCoach.Leads;

namespace SalesCoach.Bot.Api.Requests;

/// <summary>
/// The body of <c>POST /api/leads/{id}/activities</c>: an <see cref="ActivityInput"/> plus, for an email,
/// <see cref="MessageId"/> — the message's id in the caller's mailbox (Outlook REST / Graph id), so the host can
/// log the server's copy instead of the client's fields.
/// </summary>
public sealed record ActivityRequest
{
    public string Type { get; init; } = "";
    public string? Direction { get; init; }
    public string? Subject { get; init; }
    public DateTimeOffset? At { get; init; }
    public string? ExternalId { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The email's id in the caller's mailbox (Office.js <c>convertToRestId(itemId, v2.0)</c>); only read when Microsoft Graph is configured.</summary>
    public string? MessageId { get; init; }

    /// <summary>The activity as the client states it.</summary>
    public ActivityInput ToInput() => new()
    {
        Type = Type,
        Direction = Direction,
        Subject = Subject,
        At = At,
        ExternalId = ExternalId,
        Tags = Tags ?? [],
    };
}
