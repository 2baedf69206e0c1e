using System.Net;

namespace SalesCoach.Bot.BotFramework.Connector;

/// <summary>
/// Retries Connector calls answered 429 or 5xx, waiting as long as <c>Retry-After</c> asks (or
/// a doubling delay when it does not say), a few times before giving up to the caller (the
/// rep's outbox, which retries later).
/// </summary>
public sealed class RetryAfterHandler(TimeProvider time) : DelegatingHandler
{
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var mediaType = request.Content?.Headers.ContentType;
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!IsTransient(response.StatusCode) || attempt >= MaxAttempts)
            {
                return response;
            }

            var delay = RetryDelay(response, attempt);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken);

            // A request message is sent once; rebuild its content for the next attempt.
            request = Clone(request, body, mediaType);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        var delay = asked ?? FirstDelay * Math.Pow(2, attempt - 1);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body, System.Net.Http.Headers.MediaTypeHeaderValue? mediaType)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            clone.Content.Headers.ContentType = mediaType;
        }

        return clone;
    }
}
