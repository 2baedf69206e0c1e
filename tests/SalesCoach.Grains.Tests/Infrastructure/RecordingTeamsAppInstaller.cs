using System.Collections.Concurrent;
using SalesCoach.DirectorySync;

namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>An <see cref="ITeamsAppInstaller"/> that remembers every call and answers with scripted results per rep.</summary>
public sealed class RecordingTeamsAppInstaller : ITeamsAppInstaller
{
    private readonly ConcurrentQueue<string> calls = new();
    private readonly ConcurrentQueue<string> chatCalls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TeamsAppInstallResult>> scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TeamsChatResult>> scriptedChats = new(StringComparer.Ordinal);

    public bool IsConfigured => true;

    public IReadOnlyList<string> CallsFor(string repId) => [.. calls.Where(c => c == repId)];

    public IReadOnlyList<string> ChatCallsFor(string repId) => [.. chatCalls.Where(c => c == repId)];

    /// <summary>The next calls for this rep answer these results, in order; then Installed.</summary>
    public void Script(string repId, params TeamsAppInstallResult[] results) => scripted[repId] = new(results);

    /// <summary>The next chat lookups for this rep answer these results, in order; then NoServiceUrl.</summary>
    public void ScriptChat(string repId, params TeamsChatResult[] results) => scriptedChats[repId] = new(results);

    public Task<TeamsAppInstallResult> InstallAsync(string repId, CancellationToken cancellationToken)
    {
        calls.Enqueue(repId);
        return Task.FromResult(scripted.TryGetValue(repId, out var queue) && queue.TryDequeue(out var result)
            ? result
            : new TeamsAppInstallResult(TeamsAppInstallOutcome.Installed));
    }

    public Task<TeamsChatResult> FindChatAsync(string repId, CancellationToken cancellationToken)
    {
        chatCalls.Enqueue(repId);
        return Task.FromResult(scriptedChats.TryGetValue(repId, out var queue) && queue.TryDequeue(out var result)
            ? result
            : new TeamsChatResult(TeamsChatOutcome.NoServiceUrl, Detail: "no Bot Connector serviceUrl is known"));
    }
}
