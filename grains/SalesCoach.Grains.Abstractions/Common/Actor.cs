namespace SalesCoach.Common;

/// <summary>Who issues a command: a rep id (Entra object id in Teams, a short id or email in the embedded default).</summary>
[GenerateSerializer, Immutable]
public sealed record Actor([property: Id(0)] string Id, [property: Id(1)] bool IsAdmin = false)
{
    /// <summary>The process itself (seeding, reminders, routing); allowed everything.</summary>
    public static Actor System { get; } = new("system", IsAdmin: true);
}
