using System.Net;
using System.Text;
using SalesCoach.Api.Tests.Contract;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>The API's routes as calls on a caller's client (API.md); each returns the raw response unless it is a setup step.</summary>
public static class SalesCoachRequests
{
    public static Task<HttpResponseMessage> PutPipelineAsync(this HttpClient client, string id, object body) =>
        client.PutAsync($"/api/pipelines/{id}", ApiJson.Content(body));

    public static Task<HttpResponseMessage> PutPipelineYamlAsync(this HttpClient client, string id, string yaml) =>
        client.PutAsync($"/api/pipelines/{id}", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

    /// <summary>Setup: saves a pipeline (the caller must be an admin) and returns its version.</summary>
    public static async Task<int> SavePipelineAsync(this HttpClient client, PipelineBuilder pipeline) =>
        (await (await client.PutPipelineAsync(pipeline.Id, pipeline.Build())).ReadAsync<PipelineSavedDto>()).Version;

    public static Task<HttpResponseMessage> CreateLeadAsync(this HttpClient client, object body) =>
        client.PostAsync("/api/leads", ApiJson.Content(body));

    /// <summary>Setup: creates a lead and expects 201.</summary>
    public static async Task<LeadDto> NewLeadAsync(this HttpClient client, object body) =>
        await (await client.CreateLeadAsync(body)).ReadAsync<LeadDto>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> GetLeadAsync(this HttpClient client, string id) =>
        client.GetAsync($"/api/leads/{id}");

    /// <summary>Setup/check: reads a lead and expects 200.</summary>
    public static async Task<LeadDto> LeadAsync(this HttpClient client, string id) =>
        await (await client.GetLeadAsync(id)).ReadAsync<LeadDto>();

    public static Task<HttpResponseMessage> PatchLeadAsync(this HttpClient client, string id, object body) =>
        client.PatchAsync($"/api/leads/{id}", ApiJson.Content(body));

    public static Task<HttpResponseMessage> CompleteTaskAsync(this HttpClient client, string leadId, string taskId, string? operationId = null) =>
        client.PostAsync($"/api/leads/{leadId}/tasks/{taskId}/complete", ApiJson.Content(new { operationId }));

    /// <summary>Logs an activity; a string is sent as the JSON text it is.</summary>
    public static Task<HttpResponseMessage> LogActivityAsync(this HttpClient client, string leadId, object activity) =>
        client.PostAsync($"/api/leads/{leadId}/activities", ApiJson.Content(activity));

    public static Task<HttpResponseMessage> AdvanceAsync(this HttpClient client, string leadId, string? stageId = null, string? operationId = null) =>
        client.PostAsync($"/api/leads/{leadId}/advance", ApiJson.Content(new { stageId, operationId }));

    public static Task<HttpResponseMessage> WonAsync(this HttpClient client, string leadId, decimal amount, string? operationId = null) =>
        client.PostAsync($"/api/leads/{leadId}/won", ApiJson.Content(new { amount, operationId }));

    public static Task<HttpResponseMessage> LostAsync(this HttpClient client, string leadId, string reason, string? operationId = null) =>
        client.PostAsync($"/api/leads/{leadId}/lost", ApiJson.Content(new { reason, operationId }));

    public static Task<HttpResponseMessage> FindLeadsAsync(this HttpClient client, string email) =>
        client.GetAsync($"/api/leads?email={Uri.EscapeDataString(email)}");

    public static Task<HttpResponseMessage> PutRepAsync(this HttpClient client, string id, object body) =>
        client.PutAsync($"/api/reps/{id}", ApiJson.Content(body));

    /// <summary>Setup: saves a rep with no team (the caller must be an admin).</summary>
    public static async Task<string> NewRepAsync(this HttpClient client, string? teamId = null, string? managerId = null)
    {
        var id = UniqueId.New("rep");
        await (await client.PutRepAsync(id, new { name = $"Rep {id}", email = $"{id}@contoso.example", teamId, managerId }))
            .ShouldBeAsync(HttpStatusCode.OK);
        return id;
    }

    public static Task<HttpResponseMessage> GetAgendaAsync(this HttpClient client, string repId) =>
        client.GetAsync($"/api/reps/{repId}/agenda");

    /// <summary>Check: reads an agenda and expects 200.</summary>
    public static async Task<AgendaDto> AgendaAsync(this HttpClient client, string repId) =>
        await (await client.GetAgendaAsync(repId)).ReadAsync<AgendaDto>();

    public static Task<HttpResponseMessage> PutTeamAsync(this HttpClient client, string id, object body) =>
        client.PutAsync($"/api/teams/{id}", ApiJson.Content(body));
}
