namespace SalesCoach.Api.Tests.Contract;

/// <summary>The answer to <c>GET /api/reps/{id}/agenda</c>.</summary>
public sealed record AgendaDto(string RepId, IReadOnlyList<AgendaEntryDto> Tasks)
{
    /// <summary>The entries of one lead, in the agenda's order.</summary>
    public IReadOnlyList<AgendaEntryDto> Of(string leadId) => [.. Tasks.Where(t => t.LeadId == leadId)];
}
