using SalesCoach.Access;
using SalesCoach.Common;

namespace SalesCoach.Reps;

/// <summary>Kudos from a manager (or an administrator) to a rep: a card through the rep's outbox, counted in their stats.</summary>
public static class Kudos
{
    /// <summary>The longest message accepted.</summary>
    public const int MaxMessage = 500;

    /// <summary>
    /// Checks, then queues the kudos. The notification id is stable per sender and operation id, so a
    /// repeated request sends one card; without an operation id every call is a new kudos.
    /// </summary>
    public static async Task<Outcome<Notification>> GiveAsync(
        IGrainFactory grains, Actor from, string? to, string? message, string? operationId, DateTimeOffset now)
    {
        var problems = Validate(to, message);
        if (problems.Count > 0)
        {
            return Outcome<Notification>.Invalid(problems);
        }

        if (!from.IsAdmin && !await AccessRules.IsManagerOfAsync(grains, from.Id, to!))
        {
            return Outcome<Notification>.Forbidden($"only the manager of '{to}' or an administrator may send them kudos");
        }

        var rep = grains.GetGrain<IRepGrain>(to!);
        if (await rep.GetProfileAsync() is null)
        {
            return Outcome<Notification>.NotFound($"no rep '{to}'");
        }

        var sender = await grains.GetGrain<IRepGrain>(from.Id).GetProfileAsync();
        var notification = new Notification
        {
            Id = $"kudos:{from.Id}/{operationId ?? Guid.NewGuid().ToString("N")}",
            RepId = to!,
            Kind = NotificationKind.Kudos,
            Title = $"Kudos from {(string.IsNullOrWhiteSpace(sender?.Name) ? from.Id : sender.Name)}",
            Text = message!.Trim(),
            CreatedAt = now,
        };
        await rep.NotifyAsync(notification);
        return Outcome<Notification>.Created(notification);
    }

    /// <summary>Every problem with a kudos' recipient and message.</summary>
    public static List<Problem> Validate(string? to, string? message)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(to))
        {
            problems.Add(new Problem("to", "is required: the rep's id"));
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            problems.Add(new Problem("message", "is required"));
        }
        else if (message.Length > MaxMessage)
        {
            problems.Add(new Problem("message", $"is longer than {MaxMessage} characters"));
        }

        return problems;
    }
}
