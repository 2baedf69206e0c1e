using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>A logger that keeps what was logged, so a test can wait for a background service to say something.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> entries = new();

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries => [.. entries];

    public int Count(string startsWith) => entries.Count(e => e.Message.StartsWith(startsWith, StringComparison.Ordinal));

    /// <summary>Waits (bounded) until <paramref name="startsWith"/> was logged <paramref name="times"/> times.</summary>
    public async Task WaitForAsync(string startsWith, int times = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Count(startsWith) < times)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{startsWith}' was logged {Count(startsWith)} times, not {times}: {string.Join(" | ", entries.Select(e => e.Message))}");
            }

            await Task.Delay(20);
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, formatter(state, exception), exception));
}
