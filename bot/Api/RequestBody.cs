using System.Buffers;
using System.Text;
using System.Text.Json;
using SalesCoach.Common;

namespace SalesCoach.Bot.Api;

/// <summary>
/// Reads a request body within a size limit (413 past it) and parses JSON into a typed request
/// (400 with the offending path when it does not fit). Handlers read bodies through here rather
/// than by model binding, so every error has the one shape API.md promises.
/// </summary>
public static class RequestBody
{
    /// <summary>The default limit for command bodies.</summary>
    public const int CommandLimit = 64 * 1024;

    /// <summary>The limit for pipeline definitions.</summary>
    public const int PipelineLimit = 512 * 1024;

    /// <summary>Turns a body's UTF-8 bytes into a value while they are still in the pooled buffer.</summary>
    public delegate T BodyParser<out T>(ReadOnlySpan<byte> utf8);

    /// <summary>Reads the body as UTF-8 text, or a 413 once it passes <paramref name="limit"/> bytes.</summary>
    public static Task<(string? Text, IResult? Error)> ReadTextAsync(HttpRequest request, int limit) =>
        ReadAsync(request, limit, static utf8 => Encoding.UTF8.GetString(utf8));

    /// <summary>
    /// Reads the body and hands its bytes to <paramref name="parse"/>, or a 413 once it passes <paramref name="limit"/>
    /// bytes. The bytes go into a pooled buffer sized from Content-Length: a card click reads ~2 KB, and a fresh 16 KB
    /// chunk plus a growing MemoryStream per request were a sixth of the bytes the bot allocated under load. JSON is
    /// parsed from these bytes as they came: decoding them into a string first, for the serializer to encode back to
    /// UTF-8, cost every card click two copies of its body.
    /// </summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, int limit, BodyParser<T> parse)
    {
        if (request.ContentLength > limit)
        {
            return (default, TooLarge(limit));
        }

        // One byte more than the body, so the end of the body is a read of 0 bytes, not a full buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } length ? (int)length + 1 : 4096);
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(filled), request.HttpContext.RequestAborted);
                if (read == 0)
                {
                    return (parse(buffer.AsSpan(0, filled)), null);
                }

                filled += read;
                if (filled > limit)
                {
                    return (default, TooLarge(limit));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses a JSON body; an empty body gives <paramref name="whenEmpty"/> (or a 400 when that is null).</summary>
    public static async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpRequest request, int limit = CommandLimit, T? whenEmpty = default)
        where T : class
    {
        (T? Value, bool Blank) body;
        try
        {
            IResult? error;
            (body, error) = await ReadAsync(request, limit, static utf8 =>
                IsBlank(utf8) ? (null, true) : (JsonSerializer.Deserialize<T>(utf8, SalesCoachJson.Options), false));
            if (error is not null)
            {
                return (null, error);
            }
        }
        catch (JsonException e)
        {
            var path = e.Path is null ? "" : e.Path.TrimStart('$').TrimStart('.');
            var message = e.Message.Split(" Path:")[0].Split('\n')[0];
            return (null, ErrorResponse.Result(StatusCodes.Status400BadRequest, [new Problem(path, $"is not valid: {message}")]));
        }

        if (body.Blank)
        {
            return whenEmpty is not null
                ? (whenEmpty, null)
                : (null, ErrorResponse.Result(StatusCodes.Status400BadRequest, "a JSON body is required"));
        }

        return body.Value is null
            ? (null, ErrorResponse.Result(StatusCodes.Status400BadRequest, "a JSON object is required"))
            : (body.Value, null);
    }

    /// <summary>Nothing but JSON's whitespace (space, tab, line feed, carriage return).</summary>
    private static bool IsBlank(ReadOnlySpan<byte> utf8) => utf8.Trim(" \t\n\r"u8).IsEmpty;

    private static IResult TooLarge(int limit) =>
        ErrorResponse.Result(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {limit / 1024} KB");
}
