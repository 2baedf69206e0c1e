namespace SalesCoach.Lists;

/// <summary>
/// One contact joining or leaving one list when a lead enters a stage. <see cref="Id"/> is
/// <c>lead/visit/list/email/action</c>: the same stage visit never sends it twice.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EmailListOperation
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string LeadId { get; init; } = "";
    /// <summary>The list's name in the pipeline (mapped to the provider's list id by configuration).</summary>
    [Id(2)] public string ListName { get; init; } = "";
    [Id(3)] public string Email { get; init; } = "";
    [Id(4)] public EmailListAction Action { get; init; }
    /// <summary>The contact's name as known on the lead.</summary>
    [Id(5)] public string Name { get; init; } = "";
    [Id(6)] public string? Company { get; init; }
    [Id(7)] public string StageId { get; init; } = "";
    [Id(8)] public string StageName { get; init; } = "";
    /// <summary>The tag the contact gets (one per stage).</summary>
    [Id(9)] public string Tag { get; init; } = "";

    /// <summary>The deduplication key of an operation.</summary>
    public static string KeyOf(string leadId, int visit, string listName, string email, EmailListAction action) =>
        $"{leadId}/{visit}/{listName}/{email.ToLowerInvariant()}/{action.ToString().ToLowerInvariant()}";
}
