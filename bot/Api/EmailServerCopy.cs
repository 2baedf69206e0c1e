using System.Globalization;
using SalesCoach.Bot.Api.Requests;
using SalesCoach.Common;
using SalesCoach.DirectorySync;
using SalesCoach.Leads;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Api;

/// <summary>
/// "Log this email" from the Outlook add-in, logged from the server's copy: when Microsoft Graph is configured
/// and the add-in names the message (<see cref="ActivityRequest.MessageId"/>), the message is read from the
/// caller's own mailbox with the app's credentials and its subject, sender, recipients, sent time, Internet
/// message id (the idempotency key) and body preview replace what the client said. Reading only the caller's
/// mailbox is what keeps a rep to their own messages: another mailbox's id is simply not found there.
/// Without Graph (or without a message id) the client's fields are logged, as before.
/// </summary>
public sealed partial class EmailServerCopy(IDirectory directory, IGrainFactory grains, ILogger<EmailServerCopy> logger)
{
    private static int saidNotConfigured;

    public async Task<(ActivityInput? Input, IResult? Error)> ResolveAsync(ActivityRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var stated = request.ToInput();
        if (request.Type != "email" || string.IsNullOrWhiteSpace(request.MessageId))
        {
            return (stated, null);
        }

        if (!directory.IsConfigured)
        {
            if (Interlocked.Exchange(ref saidNotConfigured, 1) == 0)
            {
                LogClientsWord(); // once: the same is in /healthz
            }

            return (stated, null);
        }

        if (request.MessageId.Length > 1024)
        {
            return (null, ErrorResponse.Result(StatusCodes.Status400BadRequest, [new Problem("messageId", "is longer than 1024 characters")]));
        }

        var (mailbox, address) = await MailboxOfAsync(caller);
        DirectoryMessage? message;
        try
        {
            message = await directory.GetMessageAsync(mailbox, request.MessageId, cancellationToken);
        }
        catch (DirectoryException e)
        {
            LogFetchFailed(e, caller.Id, e.Failure);
            return (null, ErrorFor(e));
        }

        if (message is null)
        {
            return (null, ErrorResponse.Result(StatusCodes.Status404NotFound, [new Problem("messageId",
                "no such message in your mailbox: only a message in your own mailbox can be logged (SalesCoach reads it from the server)")]));
        }

        var direction = address is not null && message.From is not null
            ? string.Equals(message.From, address, StringComparison.OrdinalIgnoreCase) ? "out" : "in"
            : stated.Direction;
        return (stated with
        {
            Direction = direction,
            Subject = message.Subject ?? "",
            At = message.SentAt ?? stated.At,
            ExternalId = message.InternetMessageId ?? stated.ExternalId ?? $"graph:{message.Id}",
            Message = new MessageCopy
            {
                MessageId = message.Id,
                InternetMessageId = message.InternetMessageId,
                From = message.From,
                To = message.To,
                SentAt = message.SentAt,
                BodyPreview = message.BodyPreview,
            },
        }, null);
    }

    /// <summary>
    /// The caller's mailbox as Graph names it, and its address: in Production the caller is their Entra object id;
    /// elsewhere (a rep keyed by name) the mailbox is the rep profile's address.
    /// </summary>
    private async Task<(string Mailbox, string? Address)> MailboxOfAsync(Caller caller)
    {
        var profile = await grains.GetGrain<IRepGrain>(caller.Id).GetProfileAsync();
        var address = profile?.Email is { Length: > 0 } email ? email : caller.Id.Contains('@', StringComparison.Ordinal) ? caller.Id : null;
        return (Guid.TryParse(caller.Id, out _) ? caller.Id : address ?? caller.Id, address);
    }

    private static IResult ErrorFor(DirectoryException e) => e.Failure switch
    {
        DirectoryFailure.Forbidden => ErrorResponse.Result(StatusCodes.Status403Forbidden, [new Problem("messageId",
            $"SalesCoach may not read your mailbox — an administrator must fix this: {e.Message}")]),
        DirectoryFailure.Unavailable => new RetryLater(
            ErrorResponse.Result(StatusCodes.Status503ServiceUnavailable, [new Problem("messageId", $"the mail server is busy or failing; try again shortly ({e.Message})")]),
            e.RetryAfter),
        DirectoryFailure.NotFound => ErrorResponse.Result(StatusCodes.Status404NotFound, [new Problem("messageId", e.Message)]),
        _ => ErrorResponse.Result(StatusCodes.Status400BadRequest, [new Problem("messageId", $"is not a message id the mail server accepts: {e.Message}")]),
    };

    /// <summary>A 503 that says when to come back, as Graph told us.</summary>
    private sealed class RetryLater(IResult inner, TimeSpan? after) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (after is { } wait && wait > TimeSpan.Zero)
            {
                httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return inner.ExecuteAsync(httpContext);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Microsoft Graph is not configured: emails from the Outlook add-in are logged from the add-in's fields, not the server's copy")]
    private partial void LogClientsWord();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching the message {Caller} asked to log failed ({Failure})")]
    private partial void LogFetchFailed(Exception exception, string caller, DirectoryFailure failure);
}
