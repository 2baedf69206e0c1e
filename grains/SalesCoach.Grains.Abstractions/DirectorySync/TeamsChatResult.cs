using SalesCoach.Reps;

namespace SalesCoach.DirectorySync;

/// <summary>The result of one chat lookup: the conversation to store when found, else the provider's words and any wait it asked for.</summary>
[GenerateSerializer, Immutable]
public sealed record TeamsChatResult(
    [property: Id(0)] TeamsChatOutcome Outcome,
    [property: Id(1)] ConversationReference? Conversation = null,
    [property: Id(2)] string? Detail = null,
    [property: Id(3)] TimeSpan? RetryAfter = null);
