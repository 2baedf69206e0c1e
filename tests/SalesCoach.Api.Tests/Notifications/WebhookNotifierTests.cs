using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoach.Bot.Notifications;
using SalesCoach.Reps;

namespace SalesCoach.Api.Tests.Notifications;

public sealed class WebhookNotifierTests
{
    private static readonly Uri Url = new("http://127.0.0.1:1/hook");

    [Fact]
    public async Task SendAsync_Notification_PostsItAsCamelCaseJsonToTheUrl()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var notifier = new WebhookNotifier(new Factory(handler), Url, NullLogger<WebhookNotifier>.Instance);

        await notifier.SendAsync(new Notification { Id = "due:l1/call@1", RepId = "ana", Kind = NotificationKind.TaskDue, Title = "Due now" }, null, CancellationToken.None);

        Assert.Equal(HttpMethod.Post, handler.Method);
        Assert.Equal(Url, handler.Uri);
        using var body = JsonDocument.Parse(handler.Body!);
        Assert.Equal("due:l1/call@1", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("taskDue", body.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task SendAsync_ServerError_ThrowsSoTheOutboxRetries()
    {
        var notifier = new WebhookNotifier(new Factory(new RecordingHandler(HttpStatusCode.ServiceUnavailable)), Url, NullLogger<WebhookNotifier>.Instance);

        await Assert.ThrowsAsync<HttpRequestException>(() => notifier.SendAsync(new Notification { Id = "n1" }, null, CancellationToken.None));
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }

        public Uri? Uri { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Method = request.Method;
            Uri = request.RequestUri;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status);
        }
    }
}
